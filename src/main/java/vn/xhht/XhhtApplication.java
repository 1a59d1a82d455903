package vn.xhht;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** XHHT — quản lý giáo dục thường xuyên và xây dựng xã hội học tập. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared", systemName = "XHHT")
public class XhhtApplication {
    public static void main(String[] args) {
        // "backup <file>" and "restore <file>" run on the database alone, without starting the web application
        if (vn.xhht.backup.BackupCommand.handles(args)) {
            System.exit(vn.xhht.backup.BackupCommand.run(args));
        }
        SpringApplication.run(XhhtApplication.class, args);
    }
}
