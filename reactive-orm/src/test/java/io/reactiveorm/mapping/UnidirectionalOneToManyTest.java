package io.reactiveorm.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactiveorm.dialect.PostgresDialect;
import io.reactiveorm.fixture.Customer;
import io.reactiveorm.fixture.Purchase;
import io.reactiveorm.fixture.Warehouse;
import io.reactiveorm.schema.MappingSnapshot;
import io.reactiveorm.schema.SchemaGenerator;
import io.reactiveorm.schema.SchemaSnapshot;
import org.junit.jupiter.api.Test;

/** A unidirectional one-to-many's foreign key lives in the child's table: in the model, the DDL and the migrations' snapshot. */
class UnidirectionalOneToManyTest {

    private static final Metadata METADATA = Metadata.of(Customer.class, Warehouse.class);

    @Test
    void theChildGetsAHiddenManyToOneOwningTheJoinColumn() {
        RelationshipModel orders = METADATA.entity(Customer.class).relationship("orders");
        assertThat(orders.owning()).isFalse();
        RelationshipModel back = METADATA.otherSide(orders);
        assertThat(back.owner()).isEqualTo(Purchase.class);
        assertThat(back.kind()).isEqualTo(RelationshipKind.MANY_TO_ONE);
        assertThat(back.joinColumn().columnName()).isEqualTo("customer_id");
        assertThat(back.joinColumn().nullable()).isTrue();
        assertThat(METADATA.entity(Purchase.class).foreignKeys()).extracting(r -> r.joinColumn().columnName())
                .containsExactly("customer_id", "warehouse_id");
        assertThat(Metadata.model(Purchase.class)).isSameAs(METADATA.entity(Purchase.class));
    }

    @Test
    void theDdlAndTheMigrationSnapshotPutTheForeignKeyOnTheChildTable() {
        String ddl = String.join("\n", new SchemaGenerator(METADATA, new PostgresDialect()).createStatements());
        assertThat(ddl).contains("\"customer_id\" bigint").contains("\"warehouse_id\" bigint")
                .containsPattern("FOREIGN KEY \\(\"customer_id\"\\) REFERENCES \"customer\"");
        SchemaSnapshot.Table purchase = MappingSnapshot.of(METADATA, new PostgresDialect()).table("purchase").orElseThrow();
        assertThat(purchase.columns()).extracting(SchemaSnapshot.Column::name).contains("customer_id", "warehouse_id");
        assertThat(purchase.foreignKeys()).extracting(SchemaSnapshot.ForeignKey::referencedTable)
                .containsExactlyInAnyOrder("customer", "warehouse");
    }
}
