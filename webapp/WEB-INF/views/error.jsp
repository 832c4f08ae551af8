<%@ page contentType="text/html;charset=UTF-8" isErrorPage="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="code" value="${requestScope['jakarta.servlet.error.status_code']}"/>
<c:set var="pageTitle" value="Something went wrong"/>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Error · Resonite link</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/app.css">
</head>
<body>
<main>
<c:choose>
    <c:when test="${code == 404}"><h1>Page not found</h1><p>There is no page at this address.</p></c:when>
    <c:when test="${code == 405}"><h1>Not allowed</h1><p>This action only works from its button on the site.</p></c:when>
    <c:when test="${code == 400}"><h1>Bad request</h1><p>The request could not be understood.</p></c:when>
    <c:when test="${code == 403}"><h1>Not allowed</h1><p>You are not allowed to open this page.</p></c:when>
    <c:otherwise><h1>Something went wrong</h1><p>An unexpected error happened on our side. Nothing was changed.</p></c:otherwise>
</c:choose>
<p><a href="${pageContext.request.contextPath}/account">Back to your account</a></p>
</main>
</body>
</html>
