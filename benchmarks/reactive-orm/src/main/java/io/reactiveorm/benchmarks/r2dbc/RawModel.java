package io.reactiveorm.benchmarks.r2dbc;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The plain objects the raw contender maps rows to: what an application would write by hand. */
final class RawModel {

    private RawModel() {
    }

    /** A user; {@code posts} is filled by the graph loads. */
    static final class RawUser {
        long id;
        String name;
        String email;
        int age;
        boolean active;
        int visits;
        final List<RawPost> posts = new ArrayList<>();

        /** Columns id, name, email, age, active, visits in this order. */
        static RawUser of(Readable row) {
            RawUser u = new RawUser();
            u.id = row.get(0, Long.class);
            u.name = row.get(1, String.class);
            u.email = row.get(2, String.class);
            u.age = row.get(3, Integer.class);
            u.active = row.get(4, Boolean.class);
            u.visits = row.get(5, Integer.class);
            return u;
        }
    }

    /** A post; {@code tags} is filled by the graph loads. */
    static final class RawPost {
        long id;
        long authorId;
        String title;
        int views;
        final Set<RawTag> tags = new HashSet<>();

        /** Columns id, author_id, title, views in this order. */
        static RawPost of(Readable row) {
            RawPost p = new RawPost();
            p.id = row.get(0, Long.class);
            p.authorId = row.get(1, Long.class);
            p.title = row.get(2, String.class);
            p.views = row.get(3, Integer.class);
            return p;
        }
    }

    /** A tag (one instance per id in a graph, as an identity map would give). */
    record RawTag(long id, String label) {
    }

    /** A new user of {@code insert_flush_10k}; {@code id} is set from the returned keys. */
    static final class RawNewUser {
        Long id;
        final String name;
        final String email;
        final int age;
        final boolean active;
        final int visits;

        RawNewUser(int i) {
            this.name = io.reactiveorm.benchmarks.common.Dataset.newUserName(i);
            this.email = io.reactiveorm.benchmarks.common.Dataset.newUserEmail(i);
            this.age = io.reactiveorm.benchmarks.common.Dataset.newUserAge(i);
            this.active = io.reactiveorm.benchmarks.common.Dataset.newUserActive(i);
            this.visits = 0;
        }
    }

    /** A row of {@code stream_rows}. */
    record RawStreamRow(long id, long userId, int kind, double amount, String label) {

        /** Columns id, user_id, kind, amount, label in this order. */
        static RawStreamRow of(Readable row) {
            return new RawStreamRow(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Integer.class),
                    row.get(3, Double.class), row.get(4, String.class));
        }
    }
}
