<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Events · organizers"/>
<%@ include file="head.jspf" %>
<h1>Events</h1>
<c:if test="${not empty events}">
    <table id="organizer-events">
        <thead><tr><th scope="col">Event</th><th scope="col">When</th><th scope="col">Status</th><th scope="col">Registered</th></tr></thead>
        <tbody>
        <c:forEach items="${events}" var="e">
            <tr data-event="<c:out value='${e.id()}'/>">
                <td><a href="${pageContext.request.contextPath}/organizer/events/<c:out value='${e.id()}'/>"><c:out value="${e.title()}"/></a></td>
                <td><c:out value="${e.when()}"/></td>
                <td><c:out value="${e.status()}"/><c:if test="${not e.listed()}"> (unlisted)</c:if></td>
                <td><c:out value="${e.registered()}"/><c:if test="${e.capacity() ne null}"> / <c:out value="${e.capacity()}"/></c:if></td>
            </tr>
        </c:forEach>
        </tbody>
    </table>
</c:if>
<h2>New event</h2>
<form method="post" action="${pageContext.request.contextPath}/organizer/events" class="card" id="new-event">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <%@ include file="event-form.jspf" %>
    <button type="submit" id="create-event">Create as draft</button>
</form>
<%@ include file="foot.jspf" %>
