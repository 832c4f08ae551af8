package dev.resonitelink.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real database for the unit tests of the classes whose decisions are SQL (conditional updates, constraints): an
 * in-memory H2 (the version Payara Micro ships), migrated by Flyway from the WAR's own {@code db/migration}, with a
 * JPA provider (Hibernate, as on WildFly) over the WAR's own persistence unit, with local transactions.
 * <p>
 * What the container does around a bean is done here in the open: {@link #entityManager()} is the transaction-scoped
 * entity manager a bean's {@code @PersistenceContext} field gets (each thread's current transaction), and
 * {@link #inTransaction} runs one transaction, as {@code @Transactional(REQUIRES_NEW)} would.
 */
public final class TestDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public TestDatabase() {
        dataSource.setURL("jdbc:h2:mem:unit-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
        try {
            keepAlive = dataSource.getConnection(); // an in-memory H2 lives while a connection is open
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        // the WAR's own persistence unit (its entity classes and settings), on this data source, with local transactions
        factory = Persistence.createEntityManagerFactory("resonite-link", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.nonJtaDataSource", dataSource));
    }

    /** The entity manager of the calling thread's current transaction, as a bean's injected one. */
    public EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("no transaction on this thread: " + method.getName());
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        EntityManager outer = current.get();
        EntityManager em = factory.createEntityManager();
        current.set(em);
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Rows of a query, each column as text (null stays null), straight from JDBC as an operator would see them. */
    public List<List<String>> query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        factory.close();
        try {
            keepAlive.close();
        } catch (SQLException e) {
            // the in-memory database goes with it
        }
    }
}
