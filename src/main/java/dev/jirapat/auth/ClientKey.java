package dev.jirapat.auth;

import dev.jirapat.token.IpRange;

/**
 * The unit a client is counted by when refusals are throttled and their log lines aggregated: an IPv4 address,
 * or an IPv6 /64 (one subscriber commonly holds a whole /64, so counting single IPv6 addresses would let one
 * client spread its attempts over 2^64 keys).
 */
final class ClientKey {
    private ClientKey() {
    }

    static String of(String normalisedAddress) {
        if (normalisedAddress.indexOf(':') < 0) {
            return normalisedAddress;
        }
        return IpRange.parse(normalisedAddress + "/64").map(IpRange::toString).orElse(normalisedAddress);
    }
}
