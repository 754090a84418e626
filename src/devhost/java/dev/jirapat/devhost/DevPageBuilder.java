package dev.jirapat.devhost;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;

import java.util.LinkedHashSet;
import java.util.Set;

/** The web resources a request's code asked for; the page frame turns them into tags. One set per request. */
final class DevPageBuilder implements PageBuilderService {
    private static final ThreadLocal<Set<String>> REQUIRED = ThreadLocal.withInitial(LinkedHashSet::new);

    @Override
    public WebResourceAssembler assembler() {
        return () -> new RequiredResources() {
            @Override
            public RequiredResources requireWebResource(String completeKey) {
                REQUIRED.get().add(completeKey);
                return this;
            }
        };
    }

    static Set<String> required() {
        return REQUIRED.get();
    }

    static void reset() {
        REQUIRED.remove();
    }
}
