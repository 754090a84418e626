package dev.jirapat.devhost;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Sitemesh does for a plugin servlet in Jira: an HTML page that asks for a decorator
 * ({@code <meta name="decorator" ...>}) gets the host's frame, its title and body placed inside, and the web
 * resources its code required. Also resets the per-request required resources, and hands the frame the user
 * menu's web items ({@link UserMenu}).
 */
final class Decorator implements Filter {
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body>", Pattern.DOTALL);
    private final WebResources resources;
    private final UserMenu userMenu;

    Decorator(WebResources resources) {
        this.resources = resources;
        this.userMenu = new UserMenu(resources.descriptor());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        DevPageBuilder.reset();
        HttpServletRequest request = (HttpServletRequest) req;
        request.setAttribute(UserMenu.ATTRIBUTE, userMenu);
        Buffer buffer = new Buffer((HttpServletResponse) resp);
        try {
            chain.doFilter(req, buffer);
            String contentType = buffer.getContentType();
            byte[] bytes = buffer.bytes();
            if (contentType != null && contentType.startsWith("text/html")) {
                String html = new String(bytes, StandardCharsets.UTF_8);
                if (html.contains("<meta name=\"decorator\"")) {
                    Matcher title = TITLE.matcher(html);
                    Matcher body = BODY.matcher(html);
                    html = Pages.page(request, title.find() ? unescape(title.group(1).trim()) : "",
                            body.find() ? body.group(1) : html, resources.tagsFor(request, DevPageBuilder.required()));
                    bytes = html.getBytes(StandardCharsets.UTF_8);
                }
            }
            if (!resp.isCommitted() || bytes.length > 0) {
                resp.setContentLength(bytes.length);
                resp.getOutputStream().write(bytes);
            }
        } finally {
            DevPageBuilder.reset();
        }
    }

    /** Pages.page escapes the title again. */
    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }

    private static final class Buffer extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;

        Buffer(HttpServletResponse response) {
            super(response);
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return out.toByteArray();
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }

                    @Override
                    public void write(int b) {
                        out.write(b);
                    }
                };
            }
            return stream;
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void flushBuffer() {
        }
    }
}
