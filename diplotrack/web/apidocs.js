// Swagger UI at /docs (api/docs.py): the API's own OpenAPI description, nothing fetched elsewhere.
window.ui = window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
