package org.partnerplatform.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the platform admins' pages; Norwegian (bokmål) in messages/admin_nb.properties. */
@MessageBundle(value = "admin", locale = "en")
public interface Admin {
    @Message("Organisations")
    String navOrganisations();

    @Message("Agreements (admin)")
    String navAgreements();

    @Message("Register an organisation")
    String register();

    @Message("Administrator's e-mail address")
    String administratorEmail();

    @Message("Invite administrator")
    String inviteAdministrator();

    @Message("Back to the organisations")
    String backToOrganisations();

    @Message("Codespace (operators: three capital letters)")
    String codespace();

    @Message("Set")
    String set();

    @Message("Evidence (required for CERTIFIED)")
    String evidence();

    @Message("Reason")
    String reason();

    @Message("Suspend")
    String suspend();

    @Message("Reinstate")
    String reinstate();

    @Message("Partner organisation id")
    String partner();

    @Message("Show")
    String show();

    @Message("New agreement (a draft)")
    String newAgreement();

    @Message("Operator organisation id")
    String operator();

    @Message("Product ids, separated by commas (none: all of the operator's products)")
    String productIds();

    @Message("Distribution channel")
    String channel();

    @Message("Commission (basis points)")
    String commission();

    @Message("Valid from")
    String validFrom();

    @Message("Create")
    String create();

    @Message("Make ready")
    String makeReady();

    @Message("Withdraw")
    String withdraw();

    @Message("Lifecycle")
    String lifecycle();

    @Message("Readiness")
    String readiness();
}
