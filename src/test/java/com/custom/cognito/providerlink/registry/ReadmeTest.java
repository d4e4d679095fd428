package com.custom.cognito.providerlink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.custom.cognito.providerlink.local.run.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README as a new user reads it: its two commands first, CI running them, commands and links that exist. */
class ReadmeTest {

    /** The commands the local tool knows: its own table, not a copy. */
    private static final Set<String> LOCAL_COMMANDS = Arrays.stream(Command.values()).map(Command::word)
        .collect(Collectors.toSet());

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theFirstCodeBlockIsTheTwoCommandsAndCiRunsBoth() throws IOException {
        final Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        assertThat(block.find()).isTrue();
        final List<String> commands = block.group(1).lines().map(l -> l.replaceAll("\\s+#.*", "").strip()).toList();

        assertThat(commands).containsExactly("mvn -B -Plocal -DskipTests package", "mvn -B verify");
        assertThat(Files.readString(Path.of(".ci", "run")))
            .contains("\nmvn -B verify\n", "\nmvn -B -Plocal -DskipTests package ");
    }

    @Test
    void everyLocalCommandTheReadmeShowsIsOneTheToolKnows() throws IOException {
        final Matcher args = Pattern.compile("-Dlocal\\.args=\"?([a-z]+)").matcher(readme());
        final List<String> used = new ArrayList<>();
        while (args.find()) {
            used.add(args.group(1));
        }

        assertThat(used).isNotEmpty().allSatisfy(command -> assertThat(LOCAL_COMMANDS).contains(command));
    }

    @Test
    void everyRelativeLinkOfTheReadmeNamesAFileOfTheRepository() throws IOException {
        final Matcher links = Pattern.compile("\\]\\(((?!https?:|#)[^)#]+)").matcher(readme());
        final List<String> targets = new ArrayList<>();
        while (links.find()) {
            targets.add(links.group(1));
        }

        assertThat(targets).isNotEmpty().allSatisfy(target -> assertThat(Path.of(target)).as(target).exists());
    }
}
