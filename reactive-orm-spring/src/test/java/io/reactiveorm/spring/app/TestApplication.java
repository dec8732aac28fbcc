package io.reactiveorm.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the integration tests start: entities, services and a controller in this package. */
@SpringBootApplication
public class TestApplication {
}
