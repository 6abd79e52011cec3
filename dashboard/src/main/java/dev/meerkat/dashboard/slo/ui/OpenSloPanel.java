package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.meerkat.dashboard.slo.service.SlosAsCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * OpenSLO v1 in the SLO page: upload a YAML file (all or nothing, as over HTTP) and see what was
 * imported or every problem with its file, line and field; download every SLO as OpenSLO.
 */
final class OpenSloPanel extends Div {

  /** Larger uploads are refused by the Upload component before they reach the server code. */
  static final int MAX_BYTES = 1024 * 1024;

  private final SlosAsCode asCode;
  private final Runnable afterImport;
  private final Paragraph outcome = new Paragraph();
  private final UnorderedList problems = new UnorderedList();

  OpenSloPanel(SlosAsCode asCode, Runnable afterImport) {
    this.asCode = asCode;
    this.afterImport = afterImport;
    setId("openslo");
    outcome.setId("openslo-report");
    problems.setId("openslo-problems");
    add(new H3("OpenSLO v1"), createUpload(), createExport(), outcome, problems);
  }

  private Upload createUpload() {
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, bytes) ->
                    show(
                        metadata.fileName(),
                        asCode.importOpenSlo(
                            metadata.fileName(), new String(bytes, StandardCharsets.UTF_8)))));
    upload.setId("openslo-upload");
    // No file limit: each file is imported on its own and reported (the report shows the last);
    // a limit of one would leave the finished file in the list and refuse the next one.
    upload.setMaxFileSize(MAX_BYTES);
    upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
    upload.setDropLabel(new Span("Import an OpenSLO YAML file (all or nothing)"));
    upload.addFileRejectedListener(
        e -> {
          outcome.setText("Not imported: " + e.getErrorMessage());
          problems.removeAll();
        });
    return upload;
  }

  private Anchor createExport() {
    Anchor export =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] yaml = asCode.exportOpenSlo().getBytes(StandardCharsets.UTF_8);
                  return new DownloadResponse(
                      new ByteArrayInputStream(yaml),
                      "slos.openslo.yaml",
                      "application/yaml",
                      yaml.length);
                }),
            "Export every SLO as OpenSLO");
    export.setId("openslo-export");
    return export;
  }

  private void show(String fileName, SlosAsCode.Outcome result) {
    problems.removeAll();
    if (!result.errors().isEmpty()) {
      outcome.setText(
          "Nothing imported from "
              + fileName
              + ": "
              + result.errors().size()
              + (result.errors().size() == 1 ? " problem" : " problems"));
      result.errors().forEach(error -> problems.add(new ListItem(error)));
      return;
    }
    outcome.setText(
        "Imported from "
            + fileName
            + ": saved "
            + (result.saved().isEmpty() ? "none" : String.join(", ", result.saved()))
            + "; unchanged "
            + (result.unchanged().isEmpty() ? "none" : String.join(", ", result.unchanged())));
    afterImport.run();
  }
}
