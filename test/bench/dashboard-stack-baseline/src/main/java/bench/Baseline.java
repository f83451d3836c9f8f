package bench;

import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runtime stack rocketmq-dashboard 2.0.0 is built on, with one admin call; a lower bound for the dashboard. */
@SpringBootApplication
@RestController
public class Baseline {
    private final DefaultMQAdminExt admin;

    public Baseline() throws Exception {
        admin = new DefaultMQAdminExt(5000);
        admin.setInstanceName("baseline-" + System.nanoTime());
        admin.start();
    }

    @GetMapping("/cluster")
    public String cluster() throws Exception {
        return admin.examineBrokerClusterInfo().getClusterAddrTable().toString();
    }

    public static void main(String[] args) {
        SpringApplication.run(Baseline.class, args);
    }
}
