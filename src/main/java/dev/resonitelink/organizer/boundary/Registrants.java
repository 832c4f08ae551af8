package dev.resonitelink.organizer.boundary;

import dev.resonitelink.SearchPatterns;
import dev.resonitelink.account.entity.LocalUser;
import dev.resonitelink.link.entity.AccountLink;
import dev.resonitelink.organizer.entity.Registrant;
import dev.resonitelink.organizer.entity.RegistrantPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organizers' read model: site users (local accounts and users of the identity provider) with their link, searchable and paged. The organizer page, the CSV export
 * and the JSON API all read through here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Registrants {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext
    EntityManager em;

    /**
     * @param query    matched, case-insensitively, against the local name, the Resonite username and the Resonite id
     * @param page     from 1; out-of-range values are clamped
     * @param size     1 to {@value #MAX_PAGE_SIZE}
     * @param linkedOnly only users with a link
     */
    public RegistrantPage find(String query, int page, int size, boolean linkedOnly) {
        String pattern = SearchPatterns.contains(query);
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        long total = em.createNamedQuery(LocalUser.COUNT_MATCHING, Long.class)
                .setParameter("pattern", pattern).setParameter("linkedOnly", linkedOnly).getSingleResult();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.max(1, Math.min(page, pages));
        TypedQuery<LocalUser> users = em.createNamedQuery(LocalUser.MATCHING, LocalUser.class)
                .setParameter("pattern", pattern).setParameter("linkedOnly", linkedOnly)
                .setFirstResult((current - 1) * pageSize).setMaxResults(pageSize);
        return new RegistrantPage(withLinks(users.getResultList()), current, pageSize, total);
    }

    private List<Registrant> withLinks(List<LocalUser> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<String, AccountLink> links = em.createNamedQuery(AccountLink.BY_PRINCIPALS, AccountLink.class)
                .setParameter("principals", users.stream().map(LocalUser::username).toList())
                .getResultStream().collect(Collectors.toMap(AccountLink::principal, Function.identity()));
        return users.stream().map(user -> {
            AccountLink link = links.get(user.username());
            return link == null
                    ? new Registrant(user.username(), user.createdAt(), null, null, null, null, user.origin(),
                    user.displayName(), user.email())
                    : new Registrant(user.username(), user.createdAt(), link.resoniteId(), link.username(),
                    link.linkedAt(), link.patreonActive(), user.origin(), user.displayName(), user.email());
        }).toList();
    }
}
