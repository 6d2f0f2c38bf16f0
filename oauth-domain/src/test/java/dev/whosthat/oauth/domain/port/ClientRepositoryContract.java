package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.ClientRepository.Addition;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ClientRepository} contract, run against every adapter. Client ids are unique per test. */
public abstract class ClientRepositoryContract {

    private ClientRepository clients;

    /** The repository under test; called once before each test. */
    protected abstract ClientRepository repository();

    @BeforeEach
    void createRepository() {
        clients = repository();
    }

    @Test
    void unknownClientIsNotFound() {
        assertThat(await(clients.findById(TestClients.newId()))).isEmpty();
    }

    @Test
    void addedConfidentialClientIsFoundWithEveryField() {
        RegisteredClient client = TestClients.confidential();

        assertThat(await(clients.add(client))).isEqualTo(Addition.ADDED);

        Optional<RegisteredClient> found = await(clients.findById(client.id()));
        assertThat(found).contains(client);
        assertThat(found.orElseThrow().secretDigest()).isEqualTo(client.secretDigest());
        assertThat(found.orElseThrow().redirectUris()).containsExactlyElementsOf(client.redirectUris());
    }

    @Test
    void addedPublicClientIsFoundWithoutSecret() {
        RegisteredClient client = TestClients.publicClient(TestClients.newId());

        assertThat(await(clients.add(client))).isEqualTo(Addition.ADDED);

        assertThat(await(clients.findById(client.id()))).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(client);
            assertThat(found.secretDigest()).isEmpty();
            assertThat(found.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        });
    }

    @Test
    void addingAnExistingIdReportsDuplicateAndKeepsTheFirst() {
        ClientId id = TestClients.newId();
        RegisteredClient first = TestClients.confidential(id);
        RegisteredClient second = new RegisteredClient(id, "Impostor", ClientAuthMethod.CLIENT_SECRET_POST,
                Optional.of(SecretDigest.of("another secret of the same length, 0123456789")),
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), Scope.of("admin"));
        await(clients.add(first));

        assertThat(await(clients.add(second))).isEqualTo(Addition.DUPLICATE);

        assertThat(await(clients.findById(id))).contains(first);
    }

    @Test
    void listHoldsAddedClientsOrderedById() {
        String prefix = "list-" + TestTokens.unique();
        List<ClientId> ids = List.of(new ClientId(prefix + "-b"), new ClientId(prefix + "-c"), new ClientId(prefix + "-a"));
        ids.forEach(id -> await(clients.add(TestClients.confidential(id))));

        List<RegisteredClient> listed = await(clients.list());

        assertThat(listed).extracting(c -> c.id().value()).filteredOn(id -> id.startsWith(prefix))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
        assertThat(listed).filteredOn(c -> c.id().equals(ids.get(0))).containsExactly(TestClients.confidential(ids.get(0)));
    }

    @Test
    void upsertAddsAClientNotRegisteredYet() {
        RegisteredClient client = TestClients.confidential();

        await(clients.upsert(client));

        assertThat(await(clients.findById(client.id()))).contains(client);
    }

    @Test
    void upsertReplacesEveryFieldOfTheClientWithTheSameId() {
        ClientId id = TestClients.newId();
        await(clients.add(TestClients.confidential(id)));
        RegisteredClient reconfigured = new RegisteredClient(id, "Reconfigured", ClientAuthMethod.NONE, Optional.empty(),
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(new RedirectUri("https://other.example/cb")),
                Scope.of("profile"), true);

        await(clients.upsert(reconfigured));

        assertThat(await(clients.findById(id))).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(reconfigured);
            assertThat(found.secretDigest()).isEmpty();
            assertThat(found.redirectUris()).containsExactly(new RedirectUri("https://other.example/cb"));
        });
        assertThat(await(clients.add(TestClients.confidential(id)))).isEqualTo(Addition.DUPLICATE);
    }

    @Test
    void replacingTheSecretOfAConfidentialClientKeepsEverythingElse() {
        RegisteredClient client = TestClients.confidential();
        await(clients.add(client));
        SecretDigest fresh = SecretDigest.of("a fresh secret of enough length, 0123456789");

        assertThat(await(clients.replaceSecret(client.id(), fresh))).isTrue();

        RegisteredClient found = await(clients.findById(client.id())).orElseThrow();
        assertThat(found.secretDigest()).contains(fresh);
        assertThat(found).isEqualTo(new RegisteredClient(client.id(), client.name(), client.authMethod(),
                Optional.of(fresh), client.grantTypes(), client.redirectUris(), client.scope(), client.requirePkce()));
    }

    @Test
    void replacingTheSecretOfAPublicOrUnknownClientChangesNothing() {
        RegisteredClient publicClient = TestClients.publicClient(TestClients.newId());
        await(clients.add(publicClient));
        SecretDigest fresh = SecretDigest.of("a fresh secret of enough length, 0123456789");

        assertThat(await(clients.replaceSecret(publicClient.id(), fresh))).isFalse();
        assertThat(await(clients.replaceSecret(TestClients.newId(), fresh))).isFalse();

        assertThat(await(clients.findById(publicClient.id()))).contains(publicClient);
    }

    @Test
    void deletedClientIsGoneAndItsIdFreeAgain() {
        RegisteredClient client = TestClients.confidential();
        RegisteredClient other = TestClients.confidential();
        await(clients.add(client));
        await(clients.add(other));

        assertThat(await(clients.delete(client.id()))).isTrue();

        assertThat(await(clients.findById(client.id()))).isEmpty();
        assertThat(await(clients.list())).doesNotContain(client).contains(other);
        assertThat(await(clients.add(client))).isEqualTo(Addition.ADDED);
    }

    @Test
    void deletingAnUnknownClientReportsFalse() {
        assertThat(await(clients.delete(TestClients.newId()))).isFalse();
    }

    @Test
    void concurrentUpsertsOfOneIdLeaveOneWholeRegistration() throws Exception {
        ClientId id = TestClients.newId();
        List<RegisteredClient> candidates = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            candidates.add(new RegisteredClient(id, "Candidate " + i, ClientAuthMethod.NONE, Optional.empty(),
                    Set.of(GrantType.PASSWORD), List.of(), Scope.of("scope-" + i)));
        }

        Concurrently.run(Concurrently.THREADS, i -> clients.upsert(candidates.get(i)));

        assertThat(candidates).contains(await(clients.findById(id)).orElseThrow());
    }

    @Test
    void concurrentAdditionsOfOneIdAddExactlyOnce() throws Exception {
        ClientId id = TestClients.newId();
        List<RegisteredClient> candidates = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            candidates.add(new RegisteredClient(id, "Candidate " + i, ClientAuthMethod.NONE, Optional.empty(),
                    Set.of(GrantType.PASSWORD), List.of(), Scope.EMPTY));
        }

        List<Addition> results = Concurrently.run(Concurrently.THREADS, i -> clients.add(candidates.get(i)));

        assertThat(results).filteredOn(r -> r == Addition.ADDED).hasSize(1);
        RegisteredClient winner = candidates.get(results.indexOf(Addition.ADDED));
        assertThat(await(clients.findById(id))).contains(winner);
    }
}
