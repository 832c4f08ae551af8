<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="${event.title()}"/>
<%@ include file="head.jspf" %>
<h1 id="event-title"><c:out value="${event.title()}"/></h1>
<c:if test="${not empty outcome}"><p class="${outcome eq 'REGISTERED' or outcome eq 'WAITLISTED' or outcome eq 'ALREADY_REGISTERED' or outcome eq 'ALREADY_WAITLISTED' ? 'notice' : 'error'}"
    role="alert" id="registration-outcome" data-outcome="<c:out value='${outcome}'/>"><c:out value="${outcomeText}"/></p></c:if>
<c:if test="${param.cancelled ne null}"><p class="notice" role="status" id="registration-outcome" data-outcome="CANCELLED">Your registration is cancelled.</p></c:if>
<section class="card">
    <p id="event-when"><c:out value="${event.when()}"/><c:if test="${event.timeZone() ne 'UTC'}"> (<c:out value="${event.whenUtc()}"/>)</c:if></p>
    <c:if test="${not empty event.whenForReader()}"><p id="event-when-reader">Your time: <c:out value="${event.whenForReader()}"/></p></c:if>
    <c:if test="${not empty event.location()}"><p id="event-location">Where: <c:out value="${event.location()}"/></p></c:if>
    <c:if test="${event.status() eq 'CANCELLED'}"><p class="error" id="event-cancelled">This event is cancelled.</p></c:if>
    <c:if test="${not empty event.description()}"><p class="description"><c:out value="${event.description()}"/></p></c:if>
    <h2>How to take part</h2>
    <ul id="event-rules">
        <c:forEach items="${event.rules()}" var="rule"><li><c:out value="${rule}"/></li></c:forEach>
        <li>Registration <c:out value="${event.registrationWindow()}"/>.</li>
    </ul>
    <c:if test="${event.placesLeft() ge 0}"><p id="places-left"><c:out value="${event.placesLeft()}"/> of <c:out value="${event.capacity()}"/> places left.</p></c:if>
</section>
<section class="card" id="your-registration">
    <h2>Your registration</h2>
    <c:choose>
        <c:when test="${empty pageContext.request.userPrincipal}">
            <p><a id="sign-in-to-register" href="${pageContext.request.contextPath}/register/<c:out value='${event.id()}'/>">Sign in to register</a></p>
        </c:when>
        <c:when test="${registration eq 'REGISTERED' or registration eq 'WAITLISTED'}">
            <p id="registration-state" data-state="<c:out value='${registration}'/>">
                <c:out value="${registration eq 'REGISTERED' ? 'You are registered.' : 'You are on the waitlist.'}"/></p>
            <form method="post" action="${pageContext.request.contextPath}/register/<c:out value='${event.id()}'/>">
                <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                <input type="hidden" name="action" value="cancel">
                <button type="submit" id="cancel-registration">Cancel my registration</button>
            </form>
        </c:when>
        <c:when test="${registration eq 'REMOVED'}">
            <p id="registration-state" data-state="REMOVED">An organizer removed your registration.</p>
        </c:when>
        <c:when test="${not linked}">
            <p id="registration-state" data-state="NOT_LINKED">Link your Resonite account first: the world admits you by it.</p>
            <form method="post" action="${pageContext.request.contextPath}/oauth/start">
                <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                <input type="hidden" name="returnTo" value="/register/<c:out value='${event.id()}'/>">
                <button type="submit" id="link-to-register">Link your Resonite account</button>
            </form>
        </c:when>
        <c:when test="${event.open()}">
            <form method="post" action="${pageContext.request.contextPath}/register/<c:out value='${event.id()}'/>">
                <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                <input type="hidden" name="action" value="register">
                <c:if test="${event.ticketRequired()}"><label for="ticket">Ticket code</label>
                    <input id="ticket" name="ticket" maxlength="100" autocomplete="off" spellcheck="false"></c:if>
                <button type="submit" id="register">Register</button>
            </form>
        </c:when>
        <c:otherwise><p id="registration-state" data-state="CLOSED">Registration is not open.</p></c:otherwise>
    </c:choose>
</section>
<c:if test="${askPatreon}">
<section class="card" id="patreon-permission">
    <p>This event is for active Resonite supporters on Patreon. The site learns whether you are one only if your link
        has Resonite's Patreon permission.</p>
    <form method="post" action="${pageContext.request.contextPath}/oauth/start">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <input type="hidden" name="scope" value="patreon">
        <input type="hidden" name="returnTo" value="/events/<c:out value='${event.id()}'/>">
        <button type="submit" id="relink-with-patreon">Link again with the Patreon permission</button>
    </form>
</section>
</c:if>
<p><a href="${pageContext.request.contextPath}/events/<c:out value='${event.id()}'/>/calendar.ics" id="calendar-file">Add to your calendar (.ics)</a> ·
    <a href="${pageContext.request.contextPath}/events">All events</a></p>
<%@ include file="foot.jspf" %>
