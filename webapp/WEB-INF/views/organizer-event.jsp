<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="${event.title()} · organizers"/>
<%@ include file="head.jspf" %>
<h1><c:out value="${event.title()}"/></h1>
<p><a href="${pageContext.request.contextPath}/organizer/events">All events</a> ·
    <a href="${pageContext.request.contextPath}/events/<c:out value='${event.id()}'/>" id="public-page">Its page for attendees</a></p>
<section class="card">
    <p>Status: <strong id="event-status"><c:out value="${event.status()}"/></strong><c:if test="${not event.listed()}"> (unlisted: only its link finds it)</c:if>.
        Registered: <span id="event-registered"><c:out value="${event.registered()}"/></span><c:if test="${event.capacity() ne null}"> of <c:out value="${event.capacity()}"/></c:if>.</p>
    <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>" class="inline">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <c:if test="${event.status() ne 'PUBLISHED'}"><button type="submit" name="action" value="publish" id="publish">Publish</button></c:if>
        <c:if test="${event.status() eq 'PUBLISHED'}"><button type="submit" name="action" value="close" id="close">Close registration</button></c:if>
        <c:if test="${event.status() ne 'CANCELLED'}"><button type="submit" name="action" value="cancel" id="cancel-event">Cancel the event</button></c:if>
    </form>
</section>
<section class="card" id="admission">
    <h2>Admission check for the world</h2>
    <c:choose>
        <c:when test="${not empty newKey}">
            <p role="status">The new admission key, shown only now (the old one, if any, no longer works):</p>
            <p><code id="admission-key"><c:out value="${newKey}"/></code></p>
            <p>The world asks <code id="admission-url">${pageContext.request.contextPath}/api/events/<c:out value='${event.id()}'/>/admission/{user id}?key=<c:out value="${newKey}"/></code>
                and gets <code>admit</code>, <code>deny</code> or <code>waitlisted</code>.</p>
        </c:when>
        <c:when test="${hasKey}"><p id="key-state">This event has an admission key. A new one replaces it at once.</p></c:when>
        <c:otherwise><p id="key-state">This event has no admission key yet: no world can check admission.</p></c:otherwise>
    </c:choose>
    <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <button type="submit" name="action" value="rotate-key" id="rotate-key">Make a new admission key</button>
    </form>
</section>
<c:if test="${event.ticketRequired()}">
<section class="card" id="tickets">
    <h2>Ticket codes</h2>
    <c:if test="${not empty newCodes}">
        <p role="status">New codes, shown only now (only their hashes are kept): give each to one attendee.</p>
        <ul id="new-codes"><c:forEach items="${newCodes}" var="code"><li><code><c:out value="${code}"/></code></li></c:forEach></ul>
    </c:if>
    <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <label for="count">How many new codes (1 to 1000)</label>
        <input id="count" name="count" type="number" min="1" max="1000" value="10">
        <button type="submit" name="action" value="tickets" id="make-tickets">Make codes</button>
        <button type="submit" name="action" value="tickets-csv" id="make-tickets-csv">Make codes as CSV (for a shop)</button>
    </form>
    <c:if test="${not empty tickets}">
        <table id="ticket-list">
            <thead><tr><th scope="col">Ticket</th><th scope="col">Made</th><th scope="col">State</th><th scope="col">Redeemed by</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>
            <c:forEach items="${tickets}" var="t">
                <tr data-ticket="<c:out value='${t.id()}'/>" data-state="<c:out value='${t.state()}'/>">
                    <td><code><c:out value="${t.id().substring(0, 8)}"/></code></td>
                    <td><c:out value="${t.createdAt()}"/></td>
                    <td><c:out value="${t.state()}"/></td>
                    <td><c:out value="${t.redeemedBy()}" default="—"/></td>
                    <td><c:if test="${t.state() eq 'unused'}">
                        <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>" class="inline">
                            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                            <input type="hidden" name="ticket" value="<c:out value='${t.id()}'/>">
                            <button type="submit" name="action" value="void-ticket" class="link-button">Void</button>
                        </form></c:if></td>
                </tr>
            </c:forEach>
            </tbody>
        </table>
    </c:if>
</section>
</c:if>
<c:if test="${event.inviteOnly()}">
<section class="card" id="invites">
    <h2>Invite list</h2>
    <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>">
        <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
        <label for="invite-list">Resonite user ids (U-…) or usernames, one per line (at most 5000). A username becomes
            the id of the first linked account that registers under it.</label>
        <textarea id="invite-list" name="invites" rows="6"><c:out value="${invites}"/></textarea>
        <button type="submit" name="action" value="invites" id="save-invites">Save the list</button>
    </form>
</section>
</c:if>
<section class="card" id="roster">
    <h2>Registrations (<c:out value="${rosterSize}"/>)</h2>
    <p><a href="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>/roster.csv" id="roster-csv">Download as CSV</a></p>
    <c:if test="${not empty roster}">
        <table id="roster-list">
            <thead><tr><th scope="col">Site user</th><th scope="col">Resonite account</th><th scope="col">Status</th><th scope="col">Registered</th><th scope="col">First admitted</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>
            <c:forEach items="${roster}" var="r">
                <tr data-registration="<c:out value='${r.id()}'/>" data-status="<c:out value='${r.status()}'/>">
                    <td><c:out value="${r.principal()}"/></td>
                    <td><c:out value="${r.username()}" default="(not linked now)"/> <code><c:out value="${r.resoniteId()}"/></code></td>
                    <td><c:out value="${r.status()}"/></td>
                    <td><c:out value="${r.registeredAt()}" default="—"/></td>
                    <td><c:out value="${r.firstAdmittedAt()}" default="—"/></td>
                    <td>
                        <form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>" class="inline">
                            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
                            <input type="hidden" name="registration" value="<c:out value='${r.id()}'/>">
                            <c:choose>
                                <c:when test="${r.status() eq 'REGISTERED' or r.status() eq 'WAITLISTED'}">
                                    <label class="visually-hidden" for="reason-<c:out value='${r.id()}'/>">Reason</label>
                                    <input id="reason-<c:out value='${r.id()}'/>" name="reason" maxlength="500" placeholder="reason" required>
                                    <button type="submit" name="action" value="remove" class="link-button">Remove</button>
                                </c:when>
                                <c:when test="${r.status() eq 'REMOVED'}">
                                    <button type="submit" name="action" value="readmit" class="link-button">Re-admit</button>
                                </c:when>
                            </c:choose>
                        </form>
                    </td>
                </tr>
            </c:forEach>
            </tbody>
        </table>
    </c:if>
</section>
<h2>Details</h2>
<form method="post" action="${pageContext.request.contextPath}/organizer/events/<c:out value='${event.id()}'/>" class="card" id="edit-event">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <input type="hidden" name="action" value="save">
    <%@ include file="event-form.jspf" %>
    <button type="submit" id="save-event">Save</button>
</form>
<%@ include file="foot.jspf" %>
