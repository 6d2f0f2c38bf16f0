package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.port.UserRepository.Addition;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link UserRepository} contract, run against every adapter. Ids and usernames are unique per test. */
public abstract class UserRepositoryContract {

    private UserRepository users;

    /** The repository under test; called once before each test. */
    protected abstract UserRepository repository();

    @BeforeEach
    void createRepository() {
        users = repository();
    }

    private static UserAccount account(String username) {
        return new UserAccount(TestUsers.newId(), new Username(username), TestUsers.newHash());
    }

    @Test
    void unknownUsernameIsNotFound() {
        assertThat(await(users.findByUsername(TestUsers.newUsername()))).isEmpty();
    }

    @Test
    void addedAccountIsFoundByUsername() {
        UserAccount account = TestUsers.newAccount();

        assertThat(await(users.add(account))).isEqualTo(Addition.ADDED);

        assertThat(await(users.findByUsername(account.username()))).contains(account);
    }

    @Test
    void addingATakenUsernameReportsDuplicateAndKeepsTheFirst() {
        UserAccount first = TestUsers.newAccount();
        UserAccount second = new UserAccount(TestUsers.newId(), first.username(), TestUsers.newHash());
        await(users.add(first));

        assertThat(await(users.add(second))).isEqualTo(Addition.DUPLICATE);

        assertThat(await(users.findByUsername(first.username()))).contains(first);
    }

    @Test
    void addingATakenIdReportsDuplicateAndAddsNothing() {
        UserAccount first = TestUsers.newAccount();
        UserAccount sameId = new UserAccount(first.id(), TestUsers.newUsername(), TestUsers.newHash());
        await(users.add(first));

        assertThat(await(users.add(sameId))).isEqualTo(Addition.DUPLICATE);

        assertThat(await(users.findByUsername(sameId.username()))).isEmpty();
        assertThat(await(users.findByUsername(first.username()))).contains(first);
    }

    @Test
    void updatingThePasswordHashReplacesItAndKeepsTheRest() {
        UserAccount account = TestUsers.newAccount();
        PasswordHash newHash = TestUsers.newHash();
        await(users.add(account));

        assertThat(await(users.updatePasswordHash(account.id(), newHash))).isTrue();

        assertThat(await(users.findByUsername(account.username()))).contains(account.withPasswordHash(newHash));
    }

    @Test
    void updatingThePasswordHashOfAnUnknownAccountReportsFalse() {
        assertThat(await(users.updatePasswordHash(TestUsers.newId(), TestUsers.newHash()))).isFalse();
    }

    @Test
    void updatingOneAccountLeavesOthersAlone() {
        UserAccount updated = TestUsers.newAccount();
        UserAccount other = TestUsers.newAccount();
        await(users.add(updated));
        await(users.add(other));

        await(users.updatePasswordHash(updated.id(), TestUsers.newHash()));

        assertThat(await(users.findByUsername(other.username()))).contains(other);
    }

    @Test
    void listHoldsAddedAccountsOrderedByUsername() {
        String prefix = "list-" + TestTokens.unique();
        List<UserAccount> accounts = List.of(account(prefix + "-b"), account(prefix + "-c"), account(prefix + "-a"));
        accounts.forEach(account -> await(users.add(account)));

        List<UserAccount> listed = await(users.list());

        assertThat(listed).filteredOn(a -> a.username().value().startsWith(prefix))
                .containsExactly(accounts.get(2), accounts.get(0), accounts.get(1));
    }

    @Test
    void deletedAccountIsGoneAndItsUsernameFreeAgain() {
        UserAccount account = TestUsers.newAccount();
        UserAccount other = TestUsers.newAccount();
        await(users.add(account));
        await(users.add(other));

        assertThat(await(users.delete(account.id()))).isTrue();

        assertThat(await(users.findByUsername(account.username()))).isEmpty();
        assertThat(await(users.list())).doesNotContain(account).contains(other);
        assertThat(await(users.updatePasswordHash(account.id(), TestUsers.newHash()))).isFalse();
        UserAccount newcomer = new UserAccount(TestUsers.newId(), account.username(), TestUsers.newHash());
        assertThat(await(users.add(newcomer))).isEqualTo(Addition.ADDED);
    }

    @Test
    void deletingAnUnknownAccountReportsFalse() {
        assertThat(await(users.delete(TestUsers.newId()))).isFalse();
    }

    @Test
    void concurrentAdditionsOfOneUsernameAddExactlyOnce() throws Exception {
        Username username = TestUsers.newUsername();
        List<UserAccount> candidates = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            candidates.add(new UserAccount(TestUsers.newId(), username, TestUsers.newHash()));
        }

        List<Addition> results = Concurrently.run(Concurrently.THREADS, i -> users.add(candidates.get(i)));

        assertThat(results).filteredOn(r -> r == Addition.ADDED).hasSize(1);
        UserAccount winner = candidates.get(results.indexOf(Addition.ADDED));
        assertThat(await(users.findByUsername(username))).contains(winner);
    }
}
