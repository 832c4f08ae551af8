<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Your account"/>
<%@ include file="head.jspf" %>
<h1>Your account</h1>
<c:if test="${param.linked != null}"><p class="notice" role="status">Your Resonite account is now linked.</p></c:if>
<c:if test="${param.refreshed != null}"><p class="notice" role="status">Your Resonite link was refreshed.</p></c:if>
<c:if test="${param.replaced != null}"><p class="notice" role="status">Your account is now linked to a different Resonite account.</p></c:if>
<c:if test="${param.unlinked != null}"><p class="notice" role="status">Your Resonite account was unlinked.</p></c:if>
<c:if test="${param.notLinked != null}"><p class="notice" role="status">There was no link to remove.</p></c:if>
<c:choose>
    <c:when test="${empty link}">
        <section class="card" id="link-state" data-linked="false">
            <p>No Resonite account is linked to <strong><c:out value="${displayName}"/></strong> yet.</p>
            <form method="post" action="${pageContext.request.contextPath}/oauth/start">
                <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                <c:if test="${not empty returnTo}"><input type="hidden" name="returnTo" value="<c:out value='${returnTo}'/>"></c:if>
                <button type="submit" id="link-button">Link Resonite account</button>
            </form>
        </section>
    </c:when>
    <c:otherwise>
        <c:if test="${link.needsReconsent()}"><p class="error" role="alert" id="needs-reconsent">Resonite no longer lets this
            site keep your profile up to date. Press <strong>Re-link</strong> to allow it again.</p></c:if>
        <section class="card" id="link-state" data-linked="true">
            <div class="profile">
                <span class="avatar" aria-hidden="true">
                    <span class="avatar-fallback"><c:out value="${link.username().substring(0, 1)}"/></span>
                    <c:if test="${not empty link.iconUrl()}"><img src="<c:out value='${link.iconUrl()}'/>" alt="" width="64" height="64"></c:if>
                </span>
                <div>
                    <p class="username" id="resonite-username"><c:out value="${link.username()}"/></p>
                    <p class="muted">Resonite user id <code id="resonite-id"><c:out value="${link.resoniteId()}"/></code></p>
                </div>
            </div>
            <dl>
                <dt>Linked</dt><dd id="linked-at"><c:out value="${link.linkedAtText()}"/></dd>
                <dt>Last refreshed</dt><dd><c:out value="${link.refreshedAtText()}"/></dd>
                <dt>Granted scopes</dt><dd id="scopes"><c:forEach items="${link.scopes()}" var="s" varStatus="st"><c:out value="${s}"/><c:if test="${!st.last}">, </c:if></c:forEach></dd>
                <c:if test="${not empty link.email()}"><dt>E-mail</dt><dd><c:out value="${link.email()}"/></dd></c:if>
                <c:if test="${link.patreonActiveSupporter() != null}"><dt>Patreon supporter</dt><dd>${link.patreonActiveSupporter() ? 'active' : 'not active'}</dd></c:if>
            </dl>
            <div class="actions">
                <form method="post" action="${pageContext.request.contextPath}/oauth/start">
                    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                    <button type="submit" id="relink-button">Re-link (refresh profile)</button>
                </form>
                <a class="button danger" id="unlink-button" href="${pageContext.request.contextPath}/link/unlink">Unlink…</a>
            </div>
        </section>
    </c:otherwise>
</c:choose>
<section class="card" id="my-events">
    <h2>Your events</h2>
    <c:choose>
        <c:when test="${empty myEvents}"><p>You are not registered for any upcoming event. <a href="${pageContext.request.contextPath}/events">See the events</a>.</p></c:when>
        <c:otherwise><ul>
            <c:forEach items="${myEvents}" var="m">
                <li data-event="<c:out value='${m.event().id()}'/>" data-state="<c:out value='${m.status()}'/>">
                    <a href="${pageContext.request.contextPath}/register/<c:out value='${m.event().id()}'/>"><c:out value="${m.event().title()}"/></a>,
                    <c:out value="${m.event().when()}"/>: <c:out value="${m.status() eq 'REGISTERED' ? 'registered' : 'on the waitlist'}"/></li>
            </c:forEach></ul></c:otherwise>
    </c:choose>
</section>
<%@ include file="foot.jspf" %>
