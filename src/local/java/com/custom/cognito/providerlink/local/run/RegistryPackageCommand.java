package com.custom.cognito.providerlink.local.run;

import static com.custom.cognito.providerlink.local.run.Printing.OUT;

import com.custom.cognito.providerlink.local.registry.RegistryPackage;
import com.custom.cognito.providerlink.local.registry.RegistryProject;
import com.custom.cognito.providerlink.local.registry.TypeName;
import com.custom.cognito.providerlink.wrapper.BuildInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The registry package command: what {@code mvn -Pregistry -Dtype.name=...} runs. */
final class RegistryPackageCommand {

    private RegistryPackageCommand() {
    }

    /** Builds target/registry/<name>.zip, its execution role and a cfn-lint schema folder, for the chosen type name. */
    static boolean run(final String[] args) throws IOException {
        final List<String> options = Arrays.asList(args);
        final int at = options.indexOf("--type-name");
        final TypeName typeName;
        try {
            typeName = TypeName.parse(at >= 0 && at + 1 < options.size() ? options.get(at + 1) : "");
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot build the registry package: " + e.getMessage());
            return false;
        }
        final int runtimeAt = options.indexOf("--runtime");
        final String runtime = runtimeAt >= 0 && runtimeAt + 1 < options.size() ? options.get(runtimeAt + 1) : null;
        if (runtime != null && !RegistryProject.RUNTIMES.contains(runtime)) {
            System.err.println("Cannot build the registry package: --runtime (handler.runtime) must be one of "
                + RegistryProject.RUNTIMES + ", not " + runtime + ".");
            return false;
        }
        final RegistryPackage.Built built = RegistryPackage.build(Path.of("."), typeName, runtime,
            Path.of("target", BuildInfo.jarName("custom-cognito-providerlink")), Path.of("target", "registry"));
        OUT.println("Registry package for " + typeName + ": " + built.zip() + " (" + built.entries().size() + " entries)");
        if (built.fallbackZip() != null) {
            OUT.println("The same for " + RegistryPackage.FALLBACK_RUNTIME + ": " + built.fallbackZip()
                + "  (register.sh uses it if the registry refuses the runtime)");
        }
        OUT.println("CloudFormation CLI project: " + built.project() + "  (cd there: cfn validate, cfn generate, cfn submit)");
        OUT.println("Execution role template: " + built.executionRole());
        OUT.println("cfn-lint schemas:        " + built.lintSchemas() + "  (cfn-lint --registry-schemas " + built.lintSchemas()
            + " template.yaml)");
        if (typeName.publishingWarning() != null) {
            OUT.println("Note: " + typeName.publishingWarning());
        }
        OUT.println("Register it: scripts/register.sh --type-name " + typeName
            + " --bucket <your-bucket> [--region <region>] [--dry-run]");
        return true;
    }
}
