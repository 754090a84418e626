package dev.jirapat.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare address is a
 * single host. Only literals are accepted, so parsing never triggers a DNS lookup. Host bits are cleared, so
 * {@code 10.1.2.3/8} is stored as {@code 10.0.0.0/8}.
 */
public final class IpRange {
    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    public static Optional<IpRange> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> bytes = parseAddress(address);
        if (!bytes.isPresent()) {
            return Optional.empty();
        }
        int max = bytes.get().length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (bits.length() > 1 && bits.charAt(0) == '0')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(bits);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(mask(bytes.get(), prefix), prefix));
    }

    /** Whether a client address (an IP literal as a servlet container reports it) lies in this range. */
    public boolean contains(String remoteAddress) {
        Optional<byte[]> bytes = parseAddress(remoteAddress);
        return bytes.isPresent() && bytes.get().length == network.length
                && java.util.Arrays.equals(mask(bytes.get(), prefix), network);
    }

    static Optional<byte[]> parseAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        // Hex digits, colons and dots (embedded IPv4) only, starting with a hex digit or a colon: only then does
        // the JDK parse a literal and never resolve a name (".::1" would go to the resolver). Zone ids ('%') are
        // refused.
        if (text.charAt(0) == '.') {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return Optional.empty();
            }
        }
        try {
            // An IPv4-mapped IPv6 address comes back as IPv4, so it matches IPv4 ranges.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            out[i] = (byte) value;
        }
        return Optional.of(out);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    /** Whether every address of {@code other} lies in this range (same address family). */
    public boolean encloses(IpRange other) {
        return other.network.length == network.length && other.prefix >= prefix
                && java.util.Arrays.equals(mask(other.network, prefix), network);
    }

    public int prefixLength() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange && ((IpRange) o).prefix == prefix && java.util.Arrays.equals(((IpRange) o).network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    /** Canonical CIDR text, e.g. {@code 10.0.0.0/8} or {@code 2001:db8:0:0:0:0:0:0/32}. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: 4 or 16 bytes
        }
    }
}
