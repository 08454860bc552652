/* The API documentation page: Swagger UI from our own static files, reading the schema URL from
   the page (no inline script, CSP-safe). The API is read-only, so "Try it out" sends plain GETs. */
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") { return; }
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: false,
    supportedSubmitMethods: ["get"],
  });
})();
