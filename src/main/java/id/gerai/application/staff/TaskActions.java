package id.gerai.application.staff;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Decision;
import id.gerai.application.Task;
import id.gerai.application.TrackingNumber;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.Tenant;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claim, release and decide a task from the inbox or the application page. Each is one POST followed by a
 * redirect: to the application page when it worked, back where the officer came from with a message when it
 * did not (someone else claimed it first, it was decided meanwhile, a reason is missing). What the officer
 * typed into a refused decision comes back with the message, so nothing has to be typed twice.
 */
@Controller
class TaskActions {

    /** Flash attributes of a refused decision. */
    static final String DECISION_ERRORS = "decisionErrors";
    static final String DECISION_FORM = "decisionForm";
    static final String DECISION_INPUT = "decisionInput";

    /** What the officer entered in a decision form, handed back after a refusal. */
    record DecisionDraft(String reason, ArrayList<String> fields, ArrayList<String> documents) implements Serializable {
    }

    private final Applications applications;

    TaskActions(Applications applications) {
        this.applications = applications;
    }

    @PostMapping("/manage/{tenant}/tasks/{taskId}/claim")
    String claim(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String taskId,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String tracking,
                 RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        UUID id = task(taskId);
        return attempt(tenant, from, tracking, redirect, () -> {
            Task task = applications.claim(tenant.id(), id, me);
            redirect.addFlashAttribute(StaffSupport.DONE, "application.staff.done.claimed");
            return applicationPage(tenant, task.applicationId(), me);
        });
    }

    @PostMapping("/manage/{tenant}/tasks/{taskId}/release")
    String release(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String taskId,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String tracking,
                   RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        UUID id = task(taskId);
        return attempt(tenant, from, tracking, redirect, () -> {
            Task task = applications.release(tenant.id(), id, me);
            redirect.addFlashAttribute(StaffSupport.DONE, "application.staff.done.released");
            return "inbox".equals(from) ? inbox(tenant) : applicationPage(tenant, task.applicationId(), me);
        });
    }

    @PostMapping("/manage/{tenant}/tasks/{taskId}/decision")
    String decide(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable String taskId,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) List<String> fields, @RequestParam(required = false) List<String> documents,
                  @RequestParam(required = false) String tracking, RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        UUID id = task(taskId);
        Decision kind = InboxPage.parse(Decision.class, decision);
        try {
            return attempt(tenant, null, tracking, redirect, () -> {
                Application app = applications.decide(tenant.id(), id, new DecisionInput(kind, reason, fields, documents), me);
                redirect.addFlashAttribute(StaffSupport.DONE, "application.staff.done." + kind.name());
                return "redirect:/manage/" + tenant.slug() + "/applications/" + app.trackingNo();
            });
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(DECISION_ERRORS, StaffSupport.errors(e));
            redirect.addFlashAttribute(DECISION_FORM, (kind == null ? "NONE" : kind.name()) + "-" + id);
            redirect.addFlashAttribute(DECISION_INPUT, new DecisionDraft(reason,
                    fields == null ? new ArrayList<>() : new ArrayList<>(fields),
                    documents == null ? new ArrayList<>() : new ArrayList<>(documents)));
            String canonical = TrackingNumber.normalize(tracking);
            return canonical == null ? inbox(tenant)
                    : "redirect:/manage/" + tenant.slug() + "/applications/" + canonical + "#decide-" + id;
        }
    }

    /**
     * Runs the change; a conflict or a refused value (409, 422 other than field errors) goes back with its message.
     * Field errors are the caller's to handle; not found and forbidden show the error page.
     */
    private String attempt(Tenant tenant, String from, String tracking, RedirectAttributes redirect, Supplier<String> change) {
        try {
            return change.get();
        } catch (InvalidInput e) {
            throw e;
        } catch (GeraiException e) {
            if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw e;
            }
            StaffSupport.problem(redirect, e);
            String canonical = TrackingNumber.normalize(tracking);
            return "inbox".equals(from) || canonical == null ? inbox(tenant)
                    : "redirect:/manage/" + tenant.slug() + "/applications/" + canonical;
        }
    }

    private String applicationPage(Tenant tenant, UUID applicationId, GeraiUser me) {
        return applications.detail(tenant.id(), applicationId, me).map(ApplicationDetail::application)
                .map(a -> "redirect:/manage/" + tenant.slug() + "/applications/" + a.trackingNo())
                .orElseGet(() -> inbox(tenant));
    }

    private static String inbox(Tenant tenant) {
        return "redirect:/manage/" + tenant.slug() + "/tasks";
    }

    private static UUID task(String taskId) {
        UUID id = StaffSupport.uuid(taskId);
        if (id == null) {
            throw GeraiException.notFound("task-not-found");
        }
        return id;
    }
}
