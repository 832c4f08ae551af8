<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Sign up"/>
<%@ include file="head.jspf" %>
<h1>Create an account</h1>
<c:if test="${not empty error}"><p class="error" role="alert"><c:out value="${error}"/></p></c:if>
<form method="post" action="${pageContext.request.contextPath}/signup" class="card">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <label for="username">User name</label>
    <input id="username" name="username" autocomplete="username" required maxlength="32" pattern="[a-z0-9][a-z0-9._\-]{2,31}"
           aria-describedby="username-help" value="<c:out value='${username}'/>">
    <small id="username-help">3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.</small>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="256"
           aria-describedby="password-help">
    <small id="password-help">At least 10 characters.</small>
    <button type="submit">Create account</button>
</form>
<p>Already have an account? <a href="${pageContext.request.contextPath}/login">Sign in</a>.</p>
<%@ include file="foot.jspf" %>
