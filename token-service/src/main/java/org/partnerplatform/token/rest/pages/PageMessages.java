package org.partnerplatform.token.rest.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the pages persons see here, in English and in Norwegian (bokmål) in messages/msg_nb.properties. */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {
    @Message("Partner platform")
    String brand();

    @Message("Sign in")
    String signIn();

    @Message("E-mail address")
    String email();

    @Message("Password")
    String password();

    @Message("Code from your authenticator app")
    String code();

    @Message("The e-mail address, the password or the code is wrong.")
    String wrong();

    @Message("Too many failed attempts. Try again in {seconds} seconds.")
    String throttled(long seconds);

    @Message("The form has expired or was not sent from this page. Go back to the application and sign in again.")
    String signInFormExpired();

    @Message("This sign-in link is not valid: {reason}.")
    String invalidLink(String reason);

    @Message("Something is not right")
    String errorTitle();

    @Message("Welcome")
    String welcome();

    @Message("You have been invited as")
    String invitedAs();

    @Message("Choose your name and a password to sign in with.")
    String chooseNameAndPassword();

    @Message("Your name")
    String yourName();

    @Message("Password (at least {min} characters)")
    String passwordAtLeast(int min);

    @Message("The same password again")
    String repeat();

    @Message("Your second factor")
    String secondFactor();

    @Message("Every sign-in also asks for a code from an authenticator app. Scan this QR code with the app, or type the key.")
    String secondFactorHelp();

    @Message("Key")
    String key();

    @Message("The code the app shows now")
    String codeNow();

    @Message("Create my account")
    String createAccount();

    @Message("Account created")
    String acceptedTitle();

    @Message("Your account is ready")
    String accountReady();

    @Message("Sign in to the partner portal as {email} with the password you chose. This link cannot be used again.")
    String acceptedText(String email);

    @Message("Set a new password")
    String resetTitle();

    @Message("Your sign-in has been reset for")
    String resetFor();

    @Message("Choose a new password and add the platform to your authenticator app again: your old password and codes no longer work.")
    String resetText();

    @Message("Save my new sign-in")
    String saveReset();

    @Message("Your new sign-in is ready")
    String resetDoneTitle();

    @Message("Sign in to the partner portal as {email} with your new password and the codes of your app. This link cannot be used again.")
    String resetDone(String email);

    @Message("This invitation has been used or has expired. Ask the person who invited you for a new one.")
    String gone();

    @Message("The form has expired or was not sent from this page. Open the invitation's link again.")
    String invitationFormExpired();

    @Message("Give your name (at most 100 characters).")
    String giveName();

    @Message("The two passwords differ.")
    String passwordsDiffer();

    @Message("Choose a password.")
    String passwordMissing();

    @Message("The password must have at least {min} characters.")
    String passwordTooShort(int min);

    @Message("The password may have at most {max} characters.")
    String passwordTooLong(int max);

    @Message("The password repeats too few characters; choose another.")
    String passwordTooFewCharacters();

    @Message("The password must not contain the e-mail address.")
    String passwordContainsEmail();

    @Message("Open the invitation's link again to see the code to add to your authenticator app.")
    String notEnrolled();

    @Message("The code from the authenticator app is wrong, or has expired. Enter the one it shows now.")
    String wrongEnrolmentCode();

    @Message("A person already signs in with {email}. Ask the platform's administrators if this is you.")
    String addressTaken(String email);

    @Message("You are signed out")
    String signedOut();

    @Message("You can close this page.")
    String closePage();
}
