<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Registrants"/>
<%@ include file="head.jspf" %>
<h1>Registrants</h1>
<form method="get" action="${pageContext.request.contextPath}/organizer" class="search" role="search">
    <label for="q">Search local name, Resonite username or id</label>
    <div class="search-row">
        <input id="q" name="q" type="search" maxlength="100" value="<c:out value='${q}'/>">
        <label class="check"><input type="checkbox" name="linked" value="1" ${linkedOnly ? 'checked' : ''}> Linked only</label>
        <button type="submit">Search</button>
    </div>
</form>
<c:url var="csvUrl" value="/organizer/registrants.csv"><c:param name="q" value="${q}"/><c:if test="${linkedOnly}"><c:param name="linked" value="1"/></c:if></c:url>
<p class="summary"><span id="total"><c:out value="${result.total()}"/></span> ${result.total() == 1 ? 'registrant' : 'registrants'} ·
    <a href="<c:out value='${csvUrl}'/>" id="export-csv">Export CSV</a></p>
<div class="table-wrap">
<table id="registrants">
    <caption class="visually-hidden">Local users and their Resonite links</caption>
    <thead><tr><th scope="col">Site user</th><th scope="col">Name</th><th scope="col">Resonite username</th><th scope="col">Resonite id</th><th scope="col">Linked</th><th scope="col">Patreon</th></tr></thead>
    <tbody>
    <c:forEach items="${result.items()}" var="r">
        <tr>
            <td><c:out value="${r.localUser()}"/></td>
            <td><c:out value="${r.displayName()}" default="—"/><c:if test="${not empty r.email()}"><br><span class="muted"><c:out value="${r.email()}"/></span></c:if></td>
            <td><c:out value="${r.resoniteUsername()}" default="—"/></td>
            <td><c:if test="${r.linked()}"><code><c:out value="${r.resoniteId()}"/></code></c:if><c:if test="${!r.linked()}">not linked</c:if></td>
            <td><c:out value="${r.linkedAtText()}"/></td>
            <td><c:choose><c:when test="${r.patreonActiveSupporter() == null}">—</c:when><c:when test="${r.patreonActiveSupporter()}">active</c:when><c:otherwise>not active</c:otherwise></c:choose></td>
        </tr>
    </c:forEach>
    <c:if test="${empty result.items()}"><tr><td colspan="6">No registrants match.</td></tr></c:if>
    </tbody>
</table>
</div>
<nav class="pager" aria-label="Pages">
    <c:if test="${result.hasPrevious()}">
        <c:url var="prevUrl" value="/organizer"><c:param name="q" value="${q}"/><c:param name="page" value="${result.page() - 1}"/><c:if test="${linkedOnly}"><c:param name="linked" value="1"/></c:if></c:url>
        <a href="<c:out value='${prevUrl}'/>" rel="prev" id="prev-page">Previous</a>
    </c:if>
    <span>Page <c:out value="${result.page()}"/> of <c:out value="${result.pages()}"/></span>
    <c:if test="${result.hasNext()}">
        <c:url var="nextUrl" value="/organizer"><c:param name="q" value="${q}"/><c:param name="page" value="${result.page() + 1}"/><c:if test="${linkedOnly}"><c:param name="linked" value="1"/></c:if></c:url>
        <a href="<c:out value='${nextUrl}'/>" rel="next" id="next-page">Next</a>
    </c:if>
</nav>
<section class="card" aria-labelledby="roles-title">
    <h2 id="roles-title">Organizer rights</h2>
    <c:if test="${param.role != null}"><p class="notice" role="status" id="role-result" data-outcome="<c:out value='${param.role}'/>"><c:choose>
        <c:when test="${param.role == 'done'}">Done: <c:out value="${param.who}"/>'s organizer rights were changed.</c:when>
        <c:when test="${param.role == 'unchanged'}">Nothing to change for <c:out value="${param.who}"/>.</c:when>
        <c:when test="${param.role == 'no_such_account'}">There is no account named <c:out value="${param.who}"/>.</c:when>
        <c:when test="${param.role == 'from_identity_provider'}">Organizer rights follow your organization's groups.</c:when>
        <c:when test="${param.role == 'not_yourself'}">You cannot revoke your own organizer rights; ask another organizer.</c:when>
        <c:otherwise>Nothing was changed.</c:otherwise></c:choose></p></c:if>
    <c:if test="${organizersFromProvider}"><p id="roles-from-provider">Organizers are the members of your organization's
        organizer group; their rights follow it at each sign-in and cannot be changed here.</p></c:if>
    <c:if test="${!organizersFromProvider}">
    <form method="post" action="${pageContext.request.contextPath}/organizer/roles" class="search-row">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <label for="role-username">Local user name</label>
        <input id="role-username" name="username" required maxlength="64" autocomplete="off">
        <button type="submit" name="action" value="grant" id="grant-organizer">Grant organizer rights</button>
        <button type="submit" name="action" value="revoke" id="revoke-organizer">Revoke</button>
    </form>
    </c:if>
</section>
<%@ include file="foot.jspf" %>
