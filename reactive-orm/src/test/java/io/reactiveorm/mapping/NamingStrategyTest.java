package io.reactiveorm.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingStrategyTest {

    @ParameterizedTest
    @CsvSource({
        "BlogPost, blog_post",
        "createdAt, created_at",
        "HTTPCode, http_code",
        "userID, user_id",
        "URL, url",
        "myURLParser, my_url_parser",
        "id, id",
        "User, user",
        "address2, address2",
        "line2Text, line2_text",
        "already_snake, already_snake",
        "ABTest, ab_test",
        "x, x"
    })
    void snakeCase(String javaName, String expected) {
        assertThat(NamingStrategy.snakeCase(javaName)).isEqualTo(expected);
    }
}
