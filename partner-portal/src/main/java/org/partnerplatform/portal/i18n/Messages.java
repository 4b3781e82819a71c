package org.partnerplatform.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The portal's words, in English here and in Norwegian (bokmål) in messages/msg_nb.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {
    @Message("Partner portal")
    String portal();

    @Message("My organisation")
    String navHome();

    @Message("Clients")
    String navClients();

    @Message("Sign out")
    String signOut();

    @Message("Norsk")
    String otherLanguage();

    @Message("Organisation id")
    String organisationId();

    @Message("Type")
    String type();

    @Message("Status")
    String status();

    @Message("Certification")
    String certification();

    @Message("Environments it may use")
    String environments();

    @Message("You")
    String you();

    @Message("Roles")
    String roles();

    @Message("Name")
    String name();

    @Message("Client id")
    String clientId();

    @Message("Created")
    String created();

    @Message("Rotate secret")
    String rotate();

    @Message("Revoke")
    String revoke();

    @Message("New client")
    String newClient();

    @Message("Name (company-application, e.g. reiseportalen-web)")
    String clientNameHint();

    @Message("Create client")
    String create();

    @Message("You do not manage this organisation's clients: that takes the role KLIENTADMINISTRATOR. Ask one of its user administrators.")
    String noClientRights();

    @Message("Client secret")
    String clientSecret();

    @Message("Copy the secret now and keep it safe: it is shown this once and never again. Whoever has it can act as this client.")
    String secretWarning();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();

    @Message("The secret was shown once and is not shown again. If it was lost, rotate it to get a new one.")
    String secretGone();

    @Message("Back to the clients")
    String backToClients();

    @Message("Persons")
    String navPersons();

    @Message("Audit log")
    String navAudit();

    @Message("E-mail address")
    String email();

    @Message("Invite a person")
    String invite();

    @Message("Invite")
    String inviteButton();

    @Message("Save roles")
    String saveRoles();

    @Message("Remove")
    String remove();

    @Message("you")
    String thatIsYou();

    @Message("Reset sign-in")
    String resetSignIn();

    @Message("sign-in reset, not yet set again")
    String resetPending();

    @Message("Reset of a sign-in")
    String resetTitle();

    @Message("Give this link to the person, in a way only they can read: it is shown this once, and works once, until {expires}. With it they set a new password and second factor; the old ones no longer work.")
    String resetWarning(String expires);

    @Message("The link was shown once and is not shown again. If it was lost, reset the sign-in again.")
    String resetGone();

    @Message("Invitation")
    String invitationTitle();

    @Message("Give this link to the person, in a way only they can read: it is shown this once, and works once, until {expires}. Whoever opens it first becomes this person.")
    String invitationWarning(String expires);

    @Message("The link was shown once and is not shown again. If it was lost, invite the person again.")
    String invitationGone();

    @Message("Back to the persons")
    String backToPersons();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    @Message("Subject")
    String subject();

    @Message("Details")
    String details();

    @Message("Older entries")
    String older();

    @Message("You are signed out")
    String signedOut();

    @Message("Sign in again")
    String signInAgain();
}
