package dev.whosthat.oauth.adapter.memory;

import static dev.whosthat.oauth.adapter.memory.TokenTable.ATTRIBUTES;
import static dev.whosthat.oauth.adapter.memory.TokenTable.EXPIRES_AT;
import static dev.whosthat.oauth.adapter.memory.TokenTable.GRANT_HIGH;
import static dev.whosthat.oauth.adapter.memory.TokenTable.GRANT_LOW;
import static dev.whosthat.oauth.adapter.memory.TokenTable.ISSUED_AT;
import static dev.whosthat.oauth.adapter.memory.TokenTable.META;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns tokens into {@link TokenTable} records and back. A record holds the token's instants as
 * nanoseconds, its grant id as 128 bits when it is one of ours (22 base64url characters, see
 * {@link GrantKeys}) and as the slot's side object otherwise, and its client, scope and owner as
 * numbers from an {@link Interner}.
 */
final class TokenRecords {

    /** The grant id is the record's side object: it was not 128 base64url bits. */
    private static final long GRANT_ON_SIDE = 1L << 1;
    private static final int STATE_SHIFT = 2;
    private static final long STATE_BITS = 3L << STATE_SHIFT;
    private static final int OWNER_SHIFT = 32;
    private static final RefreshToken.State[] STATES = RefreshToken.State.values();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Interner<ClientId> clients = new Interner<>();
    private final Interner<Scope> scopes = new Interner<>();
    private final Interner<TokenOwnerRef> owners = new Interner<>();

    void putAccess(TokenTable table, AccessToken token) {
        long[] fields = fields(token.grant(), token.clientId(), token.owner(), token.scope(), token.issuedAt(),
                token.expiresAt());
        table.put(token.digest(), fields, sideOf(fields, token.grant()));
    }

    void putRefresh(TokenTable table, RefreshToken token) {
        long[] fields = fields(token.grant(), token.clientId(), token.owner(), token.scope(), token.issuedAt(),
                token.expiresAt());
        fields[META - ISSUED_AT] |= stateBits(token.state());
        table.put(token.digest(), fields, sideOf(fields, token.grant()));
    }

    AccessToken access(SecretDigest digest, long[] slots, int at, Object side) {
        return new AccessToken(digest, grant(slots, at, side), client(slots, at), owner(slots, at),
                scopes.valueOf((int) (slots[at + ATTRIBUTES] >>> 32)), instant(slots[at + ISSUED_AT]),
                instant(slots[at + EXPIRES_AT]));
    }

    RefreshToken refresh(SecretDigest digest, long[] slots, int at, Object side) {
        return new RefreshToken(digest, grant(slots, at, side), client(slots, at), owner(slots, at),
                scopes.valueOf((int) (slots[at + ATTRIBUTES] >>> 32)), instant(slots[at + ISSUED_AT]),
                instant(slots[at + EXPIRES_AT]), STATES[(int) ((slots[at + META] & STATE_BITS) >>> STATE_SHIFT)]);
    }

    GrantId grant(long[] slots, int at, Object side) {
        return (slots[at + META] & GRANT_ON_SIDE) != 0
                ? (GrantId) side
                : new GrantId(GrantKeys.unpack(slots[at + GRANT_HIGH], slots[at + GRANT_LOW]));
    }

    static boolean expiredAt(Instant now, long[] slots, int at) {
        return slots[at + EXPIRES_AT] <= nanos(now);
    }

    static long stateBits(RefreshToken.State state) {
        return (long) state.ordinal() << STATE_SHIFT;
    }

    static long allStateBits() {
        return STATE_BITS;
    }

    /** The client's number, looked up once per scan; 0 if no record ever held the client. */
    int clientNumberOf(ClientId client) {
        return clients.existingNumberOf(client);
    }

    static int clientNumber(long[] slots, int at) {
        return (int) slots[at + ATTRIBUTES];
    }

    /** The numbers of the owners whose subject is this user: a user may have several usernames over time. */
    int[] ownerNumbersOf(UserId user) {
        return owners.numbersWhere(owner -> owner.subject().equals(user));
    }

    static int ownerNumber(long[] slots, int at) {
        return (int) (slots[at + META] >>> OWNER_SHIFT);
    }

    private long[] fields(GrantId grant, ClientId client, Optional<TokenOwnerRef> owner, Scope scope, Instant issuedAt,
            Instant expiresAt) {
        long[] fields = new long[TokenTable.STRIDE - ISSUED_AT];
        long expires = nanos(expiresAt);
        // Both clamped to 2262 would be equal, and a token must expire after it is issued.
        fields[ISSUED_AT - ISSUED_AT] = Math.min(nanos(issuedAt), expires - 1);
        fields[EXPIRES_AT - ISSUED_AT] = expires;
        long[] key = GrantKeys.pack(grant.value());
        if (key != null) {
            fields[GRANT_HIGH - ISSUED_AT] = key[0];
            fields[GRANT_LOW - ISSUED_AT] = key[1];
        } else {
            fields[META - ISSUED_AT] |= GRANT_ON_SIDE;
        }
        fields[ATTRIBUTES - ISSUED_AT] = (long) scopes.numberOf(scope) << 32 | clients.numberOf(client) & 0xffffffffL;
        fields[META - ISSUED_AT] |= (long) owner.map(owners::numberOf).orElse(0) << OWNER_SHIFT;
        return fields;
    }

    private static Object sideOf(long[] fields, GrantId grant) {
        return (fields[META - ISSUED_AT] & GRANT_ON_SIDE) != 0 ? grant : null;
    }

    private ClientId client(long[] slots, int at) {
        return clients.valueOf(clientNumber(slots, at));
    }

    private Optional<TokenOwnerRef> owner(long[] slots, int at) {
        int number = ownerNumber(slots, at);
        return number == 0 ? Optional.empty() : Optional.of(owners.valueOf(number));
    }

    /**
     * Nanoseconds since the epoch, which a long holds from 1677 to 2262; instants beyond are
     * clamped to those bounds, which changes no token's fate (none is issued before 1677, and one
     * that expires after 2262 is as good as never expiring).
     */
    static long nanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / NANOS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
