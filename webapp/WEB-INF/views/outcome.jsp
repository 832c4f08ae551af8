<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="${title}"/>
<%@ include file="head.jspf" %>
<h1 id="outcome-title"><c:out value="${title}"/></h1>
<section class="card" id="outcome" data-outcome="<c:out value='${failure}'/>">
    <p><c:out value="${explanation}"/></p>
    <p><strong>What to do:</strong> <c:out value="${nextStep}"/></p>
    <c:if test="${not empty providerError}"><p class="muted">Resonite said: <code id="provider-error"><c:out value="${providerError}"/></code></p></c:if>
    <c:if test="${status >= 400}"><p class="muted">Error id: <code id="error-id"><c:out value="${errorId}"/></code></p></c:if>
    <p><a href="${pageContext.request.contextPath}/account">Back to your account</a></p>
</section>
<%@ include file="foot.jspf" %>
