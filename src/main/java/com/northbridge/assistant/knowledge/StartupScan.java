package com.northbridge.assistant.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Scans the knowledge folder when the service starts, before it takes requests, so that the first
 * customer already finds every document. Unchanged files cost a hash each.
 */
@ApplicationScoped
public class StartupScan {

    void onStart(@Observes StartupEvent event, KnowledgeConfig config, KnowledgeIngestion ingestion) {
        if (config.ingestion().scanOnStartup()) {
            ingestion.scan(config.ingestion().docsDir());
        }
    }
}
