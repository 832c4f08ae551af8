<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Become the first organizer"/>
<%@ include file="head.jspf" %>
<h1>Become the first organizer</h1>
<p>While a site has no organizer, its server log shows a one-time code once. Enter it here to make the account you
    are signed in with (<strong><c:out value="${displayName}"/></strong>) an organizer.
    Later organizers are granted on the registrants page.</p>
<c:if test="${not empty error}"><p class="error" role="alert" data-outcome="wrong-code"><c:out value="${error}"/></p></c:if>
<form method="post" action="${pageContext.request.contextPath}/organizer-claim" class="card">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <label for="code">One-time code</label>
    <input id="code" name="code" required maxlength="100" autocomplete="off" spellcheck="false">
    <button type="submit">Become organizer</button>
</form>
<%@ include file="foot.jspf" %>
