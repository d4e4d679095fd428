package com.custom.cognito.providerlink.local.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The findings as a Markdown report: one row per assumption, then the exact error texts, to copy into the emulator. */
record ConformanceReport(String target, String runId, List<Finding> findings, Map<String, String> errorTexts,
    List<String> cleanup) {

    boolean allAsAssumed() {
        return findings.stream().allMatch(f -> f.verdict() == Finding.Verdict.AS_ASSUMED);
    }

    boolean handlersCoped() {
        return findings.stream().allMatch(Finding::handlersCoped);
    }

    String markdown() {
        final StringBuilder out = new StringBuilder("# Conformance report\n\n");
        out.append("Target: ").append(target).append("  \nRun: ").append(runId).append("  \n");
        final long asAssumed = findings.stream().filter(f -> f.verdict() == Finding.Verdict.AS_ASSUMED).count();
        out.append("Result: ").append(asAssumed).append(" of ").append(findings.size()).append(" as assumed; handlers ")
            .append(handlersCoped() ? "coped with every answer" : "did NOT cope with every answer").append("\n\n");
        out.append("| Assumption | Behaviour switch | Emulator assumes | Service answered | Verdict | Handlers | Coped |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            out.append("| ").append(cell(f.topic())).append(" | ").append(f.behaviourSwitch() == null
                ? ""
                : "`"
                    + f.behaviourSwitch() + "`")
                .append(" | ").append(cell(f.assumed())).append(" | ").append(cell(f.observed()))
                .append(" | ").append(f.verdict()).append(" | ").append(cell(f.handlers())).append(" | ")
                .append(f.handlersCoped() ? "yes" : "**no**").append(" |\n");
        }
        out.append("\n## Exact error texts\n\n");
        errorTexts.forEach((situation, text) -> out.append("- ").append(situation).append(": `").append(text.replace("`", "'"))
            .append("`\n"));
        out.append("\n## Cleanup\n\n");
        cleanup.forEach(line -> out.append("- ").append(line.strip()).append('\n'));
        out.append("\nPlease send this file back (an issue or a pull request): it holds no credentials, account id or"
            + " personal data, only the answers of the pools this run created and deleted.\n");
        return out.toString();
    }

    Path write(final Path file) throws IOException {
        Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent()));
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        return file;
    }

    private static String cell(final String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
