<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Audit trail"/>
<%@ include file="head.jspf" %>
<h1>Audit trail</h1>
<form method="get" action="${pageContext.request.contextPath}/organizer/audit" class="search" role="search">
    <label for="q">Search local user or Resonite id</label>
    <div class="search-row">
        <input id="q" name="q" type="search" maxlength="100" value="<c:out value='${q}'/>">
        <button type="submit">Search</button>
    </div>
</form>
<p class="summary"><span id="total"><c:out value="${result.total()}"/></span> entries</p>
<div class="table-wrap">
<table id="audit">
    <caption class="visually-hidden">Link, re-link, unlink and failed attempts, newest first</caption>
    <thead><tr><th scope="col">When</th><th scope="col">Local user</th><th scope="col">Action</th><th scope="col">Resonite id</th><th scope="col">Outcome</th><th scope="col">By</th><th scope="col">Event</th><th scope="col">Request id</th></tr></thead>
    <tbody>
    <c:forEach items="${result.items()}" var="e">
        <tr>
            <td><c:out value="${e.occurredAtText()}"/></td>
            <td><c:out value="${e.principal()}"/></td>
            <td><c:out value="${e.action()}"/></td>
            <td><c:out value="${e.resoniteId()}" default="—"/></td>
            <td><c:out value="${e.outcome()}"/></td>
            <td><c:out value="${e.actor()}" default="—"/></td>
            <td><c:out value="${e.eventId()}" default="—"/><c:if test="${not empty e.detail()}">: <c:out value="${e.detail()}"/></c:if></td>
            <td><code><c:out value="${e.requestId()}"/></code></td>
        </tr>
    </c:forEach>
    <c:if test="${empty result.items()}"><tr><td colspan="8">No entries match.</td></tr></c:if>
    </tbody>
</table>
</div>
<nav class="pager" aria-label="Pages">
    <c:if test="${result.hasPrevious()}">
        <c:url var="prevUrl" value="/organizer/audit"><c:param name="q" value="${q}"/><c:param name="page" value="${result.page() - 1}"/></c:url>
        <a href="<c:out value='${prevUrl}'/>" rel="prev">Previous</a>
    </c:if>
    <c:if test="${result.hasNext()}">
        <c:url var="nextUrl" value="/organizer/audit"><c:param name="q" value="${q}"/><c:param name="page" value="${result.page() + 1}"/></c:url>
        <a href="<c:out value='${nextUrl}'/>" rel="next">Next</a>
    </c:if>
</nav>
<%@ include file="foot.jspf" %>
