package io.reactiveorm.examples.blog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux blog service (users, posts, comments) on reactive-orm's Spring Boot integration. Runs
 * on embedded H2 by default, on PostgreSQL with {@code spring.r2dbc.url}:
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.blog.BlogApplication
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.reactiveorm.examples.blog.BlogApplication \
 *     -Dspring.r2dbc.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test
 * curl -s -XPOST localhost:8080/users -H 'content-type: application/json' -d '{"name":"ann","email":"ann@example.com"}'
 * </pre>
 */
@SpringBootApplication
public class BlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlogApplication.class, args);
    }
}
