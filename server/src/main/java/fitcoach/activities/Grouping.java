package fitcoach.activities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Which stored copies are the same workout, and which copy leads each group. A pure function of the copies: whatever
 * order they arrived in, the same copies give the same groups and the same primaries.
 *
 * <p>Two copies are the same workout when they are of the same sport family, start within two minutes of each other and
 * their durations differ by at most a tenth of the longer one. Groups are the connected sets of that relation, so
 * a group does not depend on which copy was compared first. A copy the athlete split off ({@code separate}) stands
 * alone; a copy the athlete chose to lead ({@code lead}) leads; otherwise the best source leads (file, Strava export,
 * Strava API, manual), then the richer copy (more stream types, more samples, more summary values).
 */
public final class Grouping {
  static final Duration START_TOLERANCE = Duration.ofMinutes(2);
  static final double DURATION_TOLERANCE = 0.10;

  private Grouping() {
  }

  /** One leg of a multisport copy: another source may hold it as an activity of its own. */
  public record Leg(int number, String sportType, String family, Instant start, int durationS) {
  }

  /** A stored copy as grouping sees it; {@code legs} is empty unless it is a multisport activity. */
  public record Copy(UUID id, ActivitySource source, String externalId, String family, Instant start, int durationS,
                     int streamTypes, int points, int metrics, String choice, UUID primaryId, int rank, String reason,
                     LocalDate localDate, List<Leg> legs) {
    boolean separate() {
      return "separate".equals(choice);
    }

    boolean lead() {
      return "lead".equals(choice);
    }
  }

  /** Where a copy belongs: its primary (null when it leads), its place in the group, and why it is merged. */
  public record Placement(UUID id, UUID primaryId, int rank, String reason) {
  }

  /** Best first: the athlete's choice, then source priority, then richness, then a stable order. */
  static final Comparator<Copy> BEST_FIRST = Comparator.comparing((Copy c) -> !c.lead())
      .thenComparingInt(c -> c.source().priority())
      .thenComparing(Comparator.comparingInt(Copy::streamTypes).reversed())
      .thenComparing(Comparator.comparingInt(Copy::points).reversed())
      .thenComparing(Comparator.comparingInt(Copy::metrics).reversed())
      .thenComparing(Copy::externalId)
      .thenComparing(Copy::id);

  public static boolean sameWorkout(Copy a, Copy b) {
    if (a.separate() || b.separate()) {
      return false;
    }
    return close(a.family(), a.start(), a.durationS(), b.family(), b.start(), b.durationS())
        || legMatched(a, b) != null || legMatched(b, a) != null;
  }

  private static boolean close(String familyA, Instant startA, int durationA, String familyB, Instant startB, int durationB) {
    if (familyA == null || !familyA.equals(familyB)) {
      return false;
    }
    if (Duration.between(startA, startB).abs().compareTo(START_TOLERANCE) > 0) {
      return false;
    }
    int longer = Math.max(durationA, durationB);
    return Math.abs(durationA - durationB) <= DURATION_TOLERANCE * longer;
  }

  /** The leg of multisport copy {@code whole} that single-sport copy {@code part} is another source's copy of, or null. */
  static Leg legMatched(Copy whole, Copy part) {
    if (!part.legs().isEmpty()) {
      return null;
    }
    for (Leg leg : whole.legs()) {
      if (close(leg.family(), leg.start(), leg.durationS(), part.family(), part.start(), part.durationS())) {
        return leg;
      }
    }
    return null;
  }

  /** The placement of every copy given. Copies must include every copy they could group with (see ActivityStore). */
  public static List<Placement> place(Collection<Copy> copies) {
    List<Copy> sorted = new ArrayList<>(copies);
    sorted.sort(Comparator.comparing(Copy::start).thenComparing(Copy::id));
    Map<UUID, UUID> parent = new HashMap<>();
    for (Copy c : sorted) {
      parent.put(c.id(), c.id());
    }
    // Sorted by start, each copy only needs comparing with the copies that start at most two minutes later.
    for (int i = 0; i < sorted.size(); i++) {
      Copy a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        Copy b = sorted.get(j);
        if (Duration.between(a.start(), b.start()).compareTo(START_TOLERANCE) > 0) {
          break;
        }
        if (sameWorkout(a, b)) {
          union(parent, a.id(), b.id());
        }
      }
    }
    // A multisport copy's legs start hours after it: they are compared with every copy, not only the nearby ones.
    for (Copy whole : sorted) {
      if (!whole.legs().isEmpty()) {
        for (Copy part : sorted) {
          if (part != whole && !whole.separate() && !part.separate() && legMatched(whole, part) != null) {
            union(parent, whole.id(), part.id());
          }
        }
      }
    }
    Map<UUID, List<Copy>> groups = new HashMap<>();
    for (Copy c : sorted) {
      groups.computeIfAbsent(find(parent, c.id()), k -> new ArrayList<>()).add(c);
    }
    List<Placement> out = new ArrayList<>(copies.size());
    for (List<Copy> group : groups.values()) {
      group.sort(BEST_FIRST);
      Copy leader = group.get(0);
      out.add(new Placement(leader.id(), null, 0, null));
      for (int k = 1; k < group.size(); k++) {
        Copy member = group.get(k);
        out.add(new Placement(member.id(), leader.id(), k, reason(member, leader)));
      }
    }
    return out;
  }

  /** Why a copy is merged into its primary, in words the athlete reads in the activity's detail. */
  static String reason(Copy member, Copy leader) {
    Leg leg = legMatched(leader, member);
    if (leg != null) {
      long apart = Duration.between(member.start(), leg.start()).abs().toSeconds();
      return String.format(Locale.ROOT, "Leg %d (%s) of the %s multisport activity: starts %d s apart from that leg", leg.number(),
          leg.sportType(), leader.source().label(), apart);
    }
    long apart = Duration.between(member.start(), leader.start()).abs().toSeconds();
    int longer = Math.max(1, Math.max(member.durationS(), leader.durationS()));
    double pct = 100.0 * Math.abs(member.durationS() - leader.durationS()) / longer;
    String why = String.format(Locale.ROOT, "Same %s workout as the %s copy: starts %d s apart, durations %.0f %% apart", member.family(),
        leader.source().label(), apart, pct);
    return leader.lead() ? why + "; you chose the " + leader.source().label() + " copy to lead"
        : why + "; the " + leader.source().label() + " copy leads by source priority and detail";
  }

  private static UUID find(Map<UUID, UUID> parent, UUID id) {
    UUID root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    UUID walk = id;
    while (!walk.equals(root)) {
      UUID next = parent.get(walk);
      parent.put(walk, root);
      walk = next;
    }
    return root;
  }

  private static void union(Map<UUID, UUID> parent, UUID a, UUID b) {
    UUID ra = find(parent, a);
    UUID rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
