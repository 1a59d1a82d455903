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
        SpringApplication.run(XhhtApplication.class, args);
    }
}
