<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Sign in"/>
<%@ include file="head.jspf" %>
<h1>Sign in</h1>
<c:if test="${param.created != null}"><p class="notice" id="account-created" role="status">Your account was created. Sign in to continue.</p></c:if>
<c:if test="${param.signedOut != null}"><p class="notice" role="status">You are signed out.</p></c:if>
<c:if test="${not empty error}"><p class="error" id="sign-in-error" role="alert" data-outcome="<c:out value='${errorOutcome}'/>"><c:out value="${error}"/></p></c:if>
<c:choose><c:when test="${sso}">
<div class="card">
    <p>This site signs you in with your organization's account.</p>
    <p><a class="button" id="sso-sign-in" href="${pageContext.request.contextPath}/sso/start">Sign in with <c:out value="${ssoProvider}"/></a></p>
</div>
</c:when><c:otherwise>
<form method="post" action="${pageContext.request.contextPath}/login" class="card">
    <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
    <label for="username">User name</label>
    <input id="username" name="username" autocomplete="username" required maxlength="64" value="<c:out value='${username}'/>">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
    <button type="submit">Sign in</button>
</form>
<p>No account yet? <a href="${pageContext.request.contextPath}/signup">Sign up</a>.</p>
</c:otherwise></c:choose>
<%@ include file="foot.jspf" %>
