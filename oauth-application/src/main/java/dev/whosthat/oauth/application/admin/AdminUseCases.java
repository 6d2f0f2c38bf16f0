package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.user.RegisterUser;

/**
 * What an operator does to clients and users, wired from the same driven ports as the protocol's
 * use cases: the command line uses these, and so can any other host. Reads (list, show) go to the
 * repositories directly; they have no rules of their own.
 */
public record AdminUseCases(
        CreateClient createClient,
        RotateClientSecret rotateClientSecret,
        DeleteClient deleteClient,
        CreateUser createUser,
        SetUserPassword setUserPassword,
        DeleteUser deleteUser) {

    public static AdminUseCases wire(OAuthUseCases.Ports ports) {
        return new AdminUseCases(
                new CreateClient(ports.clients(), ports.generator()),
                new RotateClientSecret(ports.clients(), ports.generator(), ports.audit(), ports.clock()),
                new DeleteClient(ports.clients(), ports.tokens(), ports.codes(), ports.consents()),
                new CreateUser(new RegisterUser(ports.users(), ports.passwordHasher(), ports.generator())),
                new SetUserPassword(ports.users(), ports.passwordHasher(), ports.sessions()),
                new DeleteUser(ports.users(), ports.tokens(), ports.codes(), ports.sessions(), ports.consents()));
    }
}
