package org.hozon.web.cors;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for browser viewers (OHIF): answers preflights (OPTIONS with {@code Origin} and
 * {@code Access-Control-Request-Method}) before resource matching, and adds
 * {@code Access-Control-Allow-Origin} and {@code Access-Control-Expose-Headers} to every response,
 * errors included, so a 404 reaches the viewer as a 404 and not as a "CORS error". Allowed origins
 * come from {@code hozon.cors.allowed-origins} ({@code *}, or a comma-separated list).
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ALLOW_HEADERS = "Authorization, Accept, Content-Type, Range, If-None-Match";
    static final String EXPOSE_HEADERS = "Warning, Content-Location, ETag, Content-Length, Content-Range, Accept-Ranges";
    static final String METHODS = "GET, POST, DELETE, OPTIONS";

    @Inject
    @ConfigProperty(name = "hozon.cors.allowed-origins", defaultValue = "*")
    String allowedOrigins;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder rb = Response.noContent();
            String allowed = allowedOrigin(origin);
            if (allowed != null) {
                rb.header("Access-Control-Allow-Origin", allowed)
                        .header("Access-Control-Allow-Methods", METHODS)
                        .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(rb.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        MultivaluedMap<String, Object> h = response.getHeaders();
        if (h.containsKey("Access-Control-Allow-Origin")) {
            return; // a preflight answered above
        }
        String allowed = origin == null ? (isWildcard() ? "*" : null) : allowedOrigin(origin);
        if (allowed != null) {
            h.putSingle("Access-Control-Allow-Origin", allowed);
            h.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            h.putSingle("Cross-Origin-Resource-Policy", "cross-origin");
        }
        if (!isWildcard()) {
            h.add("Vary", "Origin");
        }
    }

    private boolean isWildcard() {
        return allowedOrigins.strip().equals("*");
    }

    /** The Access-Control-Allow-Origin value for {@code origin}, or null if it is not allowed. */
    String allowedOrigin(String origin) {
        if (isWildcard()) {
            return "*";
        }
        List<String> list = Arrays.stream(allowedOrigins.split(",")).map(String::strip).toList();
        return list.contains(origin) ? origin : null;
    }
}
