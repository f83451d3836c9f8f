package org.mercurymq.tools.command.export;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Writes an export file as indented JSON with sorted keys, creating its directory. Stateless. */
final class ExportFiles {
    /** RocketMQ 4.9.7's default export directory. */
    static final String DEFAULT_DIR = "/tmp/rocketmq/export";

    private ExportFiles() {
    }

    static void writeJson(String file, Object tree) throws IOException {
        Path path = Paths.get(file);
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        String json = JSON.toJSONString(tree, JSONWriter.Feature.PrettyFormat, JSONWriter.Feature.MapSortField);
        Files.write(path, json.getBytes(StandardCharsets.UTF_8));
    }
}
