<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Unlink your Resonite account?"/>
<%@ include file="head.jspf" %>
<h1>Unlink your Resonite account?</h1>
<section class="card">
    <p>Your account will no longer be linked to the Resonite account
        <strong><c:out value="${link.username()}"/></strong> (<code><c:out value="${link.resoniteId()}"/></code>).
        Sites and organizers relying on the link will no longer see it. You can link again at any time.</p>
    <div class="actions">
        <form method="post" action="${pageContext.request.contextPath}/link/unlink">
            <input type="hidden" name="csrf" value="<c:out value='${csrf}'/>">
            <button type="submit" class="danger" id="confirm-unlink">Yes, unlink</button>
        </form>
        <a class="button secondary" href="${pageContext.request.contextPath}/account" id="cancel-unlink">No, keep it</a>
    </div>
</section>
<%@ include file="foot.jspf" %>
