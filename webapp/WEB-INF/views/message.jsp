<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="${title}"/>
<%@ include file="head.jspf" %>
<h1><c:out value="${title}"/></h1>
<section class="card"><p><c:out value="${text}"/></p>
    <p><a href="${pageContext.request.contextPath}/account">Back to your account</a></p></section>
<%@ include file="foot.jspf" %>
