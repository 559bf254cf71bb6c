package com.northbridge.assistant.knowledge;

import com.northbridge.assistant.security.Roles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.text.Language;

import io.smallrye.common.annotation.Blocking;

/** Search and document management over HTTP; it validates input and delegates. */
@Path("/api/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class KnowledgeResource {

    private static final java.util.regex.Pattern CITATION_ID = java.util.regex.Pattern.compile("K[0-9a-z]{6,40}");

    /** The reply to an upload: what happened and the document as stored. */
    public record UploadReply(String outcome, DocumentView document) {
    }

    private final HybridRetriever retriever;
    private final KnowledgeIngestion ingestion;
    private final KnowledgeConfig config;
    private final ChunkStore chunks;

    public KnowledgeResource(HybridRetriever retriever, KnowledgeIngestion ingestion, KnowledgeConfig config, ChunkStore chunks) {
        this.retriever = retriever;
        this.ingestion = ingestion;
        this.config = config;
        this.chunks = chunks;
    }

    @GET
    @Path("/search")
    @RolesAllowed({Roles.CUSTOMER, Roles.REVIEWER, Roles.ENGINEER})
    public SearchResult search(@RestQuery String q, @RestQuery String k, @RestQuery String kind, @RestQuery String lang,
                               @RestQuery String mode) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "Give the question or keywords to search for in the q parameter.");
        }
        if (q.length() > 2000) {
            throw ApiException.badRequest("q", "The query is longer than 2000 characters.");
        }
        int max = config.search().maxK();
        int limit;
        try {
            limit = k == null || k.isBlank() ? config.search().defaultK() : Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            throw ApiException.badRequest("k", "k must be between 1 and " + max + ".");
        }
        Set<DocumentKind> kinds = Set.of();
        if (kind != null && !kind.isBlank()) {
            kinds = Set.of(DocumentKind.fromCode(kind).orElseThrow(() ->
                    ApiException.badRequest("kind", "kind must be one of product, regulation, faq.")));
        }
        Optional<Language> language = Optional.empty();
        if (lang != null && !lang.isBlank()) {
            language = Optional.of(Language.fromCode(lang).orElseThrow(() ->
                    ApiException.badRequest("lang", "lang must be zh or en.")));
        }
        SearchMode searchMode = SearchMode.HYBRID;
        if (mode != null && !mode.isBlank()) {
            try {
                searchMode = SearchMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("mode", "mode must be hybrid, vector or keyword.");
            }
        }
        return retriever.search(q.strip(), limit, new SearchFilter(kinds, language), searchMode);
    }

    /** The whole passage behind a citation, so that a reader can open what an answer cites. */
    @GET
    @Path("/passages/{citationId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.REVIEWER, Roles.ENGINEER})
    public PassageView passage(@RestPath String citationId) {
        if (citationId == null || !CITATION_ID.matcher(citationId).matches()) {
            throw ApiException.badRequest("citationId", "A citation id looks like K followed by 12 letters and digits, e.g. K0123456789ab.");
        }
        return chunks.byCitation(citationId).map(PassageView::of).orElseThrow(() -> ApiException.notFound("passage",
                "There is no passage " + citationId + "; its document may have changed since it was cited."));
    }

    @GET
    @Path("/documents")
    @RolesAllowed({Roles.REVIEWER, Roles.ENGINEER})
    public List<DocumentView> documents() {
        return ingestion.documents();
    }

    /** Multipart upload: {@code file} and {@code kind}. Stored under uploads/, so folder scans leave it alone. */
    /** Passages flagged at ingestion because they read like instructions to an AI: citation id → what was found. */
    @GET
    @Path("/suspicious")
    @RolesAllowed({Roles.REVIEWER, Roles.ENGINEER})
    public java.util.Map<String, String> suspicious() {
        return chunks.suspicious();
    }

    @POST
    @Path("/documents")
    @RolesAllowed(Roles.ENGINEER)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String kind) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file", "Attach the document as a multipart field named file.");
        }
        DocumentKind documentKind = DocumentKind.fromCode(kind).orElseThrow(() ->
                ApiException.badRequest("kind", "kind is required and must be one of product, regulation, faq."));
        long limit = config.ingestion().maxFileSize().asLongValue();
        if (file.size() > limit) {
            throw new ApiException(413, "too_large", "The file is " + file.size() / (1024 * 1024) + " MB; the limit is "
                    + limit / (1024 * 1024) + " MB.", "file");
        }
        String name = sanitize(file.fileName());
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new ApiException(400, "unreadable_upload", "The upload could not be read; send it again.", "file");
        }
        IngestionOutcome outcome = ingestion.ingest(KnowledgeIngestion.UPLOAD_PREFIX + name, documentKind, content);
        if (outcome instanceof IngestionOutcome.Rejected rejected) {
            throw new DocumentRejected(rejected.reason(), rejected.message()).toApiException("file");
        }
        if (outcome instanceof IngestionOutcome.Ingested ingested) {
            return Response.status(ingested.replaced() ? 200 : 201)
                    .entity(new UploadReply(ingested.replaced() ? "replaced" : "ingested", ingested.document())).build();
        }
        IngestionOutcome.Unchanged unchanged = (IngestionOutcome.Unchanged) outcome;
        return Response.ok(new UploadReply("unchanged", unchanged.document())).build();
    }

    @DELETE
    @Path("/documents/{id}")
    @RolesAllowed(Roles.ENGINEER)
    public Response delete(@RestPath String id) {
        UUID uuid = ApiException.uuid(id, "id", "The document id must be a UUID as listed by GET /api/knowledge/documents.");
        if (!ingestion.delete(uuid)) {
            throw ApiException.notFound("document", "There is no document with id " + id + ".");
        }
        return Response.noContent().build();
    }

    /** Keeps the uploaded name readable but unable to climb out of uploads/ or hide. */
    static String sanitize(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            throw ApiException.badRequest("file", "The uploaded file needs a name.");
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
