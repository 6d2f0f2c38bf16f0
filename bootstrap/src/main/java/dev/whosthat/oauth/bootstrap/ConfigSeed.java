package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.UserSeed;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the clients and users of the configuration into storage at every start, so that the file
 * stays their source of truth, also over a database that outlives the server: a listed client is
 * stored as configured (added, or replaced field by field); a listed user is added, or keeps its
 * account id and stored hash if the configured password still verifies against it, and gets a
 * fresh hash otherwise (a changed password, or a raised hashing cost); a user configured with a
 * {@code password_hash} gets that hash as it is. Clients and users that the file does not list are
 * left alone. Several nodes may do this at once.
 */
final class ConfigSeed {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSeed.class);
    /** Password hashing is slow by design; storage calls time out much sooner on their own. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ConfigSeed() {
    }

    /** Runs on the starting thread, never on an event loop, so it may wait. */
    static void apply(OAuthUseCases.Ports ports, ServerConfig config) {
        for (ClientRegistration client : config.clients()) {
            await(ports.clients().upsert(client.toClient()));
        }
        for (UserSeed user : config.users()) {
            seed(ports, user);
        }
        if (!config.clients().isEmpty() || !config.users().isEmpty()) {
            LOG.debug("configuration put {} clients and {} users into storage", config.clients().size(), config.users().size());
        }
    }

    private static void seed(OAuthUseCases.Ports ports, UserSeed seed) {
        UserRepository users = ports.users();
        // Twice at most: another node may add the same user between our look-up and our addition.
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<UserAccount> stored = await(users.findByUsername(seed.username()));
            if (stored.isPresent()) {
                update(ports, stored.get(), seed);
                return;
            }
            UserAccount account = new UserAccount(new UserId(ports.generator().newId()), seed.username(), hashOf(ports, seed));
            if (await(users.add(account)) == UserRepository.Addition.ADDED) {
                return;
            }
        }
        throw new IllegalStateException("user \"" + seed.username() + "\" could not be put into storage");
    }

    private static PasswordHash hashOf(OAuthUseCases.Ports ports, UserSeed seed) {
        if (seed.credential() instanceof UserSeed.Hashed hashed) {
            return hashed.hash();
        }
        return await(ports.passwordHasher().hash(((UserSeed.Clear) seed.credential()).password()));
    }

    private static void update(OAuthUseCases.Ports ports, UserAccount stored, UserSeed seed) {
        if (seed.credential() instanceof UserSeed.Hashed hashed) {
            if (!hashed.hash().equals(stored.passwordHash())) {
                await(ports.users().updatePasswordHash(stored.id(), hashed.hash()));
                LOG.info("user \"{}\": stored hash replaced by the configured one", seed.username());
            }
            return;
        }
        keepOrRehash(ports, stored, seed, ((UserSeed.Clear) seed.credential()).password());
    }

    private static void keepOrRehash(OAuthUseCases.Ports ports, UserAccount stored, UserSeed seed, Password password) {
        PasswordCheck check = await(ports.passwordHasher().verify(password, stored.passwordHash()));
        if (check == PasswordCheck.MATCH) {
            return;
        }
        PasswordHash fresh = await(ports.passwordHasher().hash(password));
        await(ports.users().updatePasswordHash(stored.id(), fresh));
        LOG.info("user \"{}\": {}", seed.username(), check == PasswordCheck.MISMATCH
                ? "password changed in the configuration, stored hash replaced"
                : "password re-hashed at the configured cost");
    }

    private static <T> T await(CompletionStage<T> stage) {
        return Blocking.await(stage, WAIT, "while seeding the configuration at start-up");
    }
}
