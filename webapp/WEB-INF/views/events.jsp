<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Events"/>
<%@ include file="head.jspf" %>
<h1>Events</h1>
<c:choose>
    <c:when test="${empty events}"><p id="no-events">No events are open for registration right now.</p></c:when>
    <c:otherwise>
        <ul class="events" id="events">
            <c:forEach items="${events}" var="e">
                <li class="card" data-event="<c:out value='${e.id()}'/>">
                    <h2><a href="${pageContext.request.contextPath}/events/<c:out value='${e.id()}'/>"><c:out value="${e.title()}"/></a></h2>
                    <p><c:out value="${e.when()}"/> · <c:out value="${e.location()}"/></p>
                    <c:if test="${e.placesLeft() ge 0}"><p><c:out value="${e.placesLeft()}"/> of <c:out value="${e.capacity()}"/> places left</p></c:if>
                </li>
            </c:forEach>
        </ul>
    </c:otherwise>
</c:choose>
<%@ include file="foot.jspf" %>
