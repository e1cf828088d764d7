package fitcoach.imports;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Field;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SportMesg;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a FIT file that the import reads, as the SDK's decoder hands them over. The few summary messages
 * are kept as the SDK's typed messages; the thousands of records go straight into a {@link StreamBuilder}, read field
 * by field from the decoded message: wrapping each one in a {@code RecordMesg} (which copies every field) and keeping
 * them all until the end of the file made the SDK's objects most of an import's CPU time and heap.
 */
final class FitMessages implements MesgListener {
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);
  /** FIT's epoch, 1989-12-31T00:00:00Z, in Unix seconds. */
  static final long FIT_EPOCH_S = DateTime.OFFSET / 1000;
  private static final int MAIN = Fit.SUBFIELD_INDEX_MAIN_FIELD;

  // Record field numbers in the FIT profile (RecordMesg's getters read the same ones).
  private static final int TIMESTAMP = 253;
  private static final int POSITION_LAT = 0;
  private static final int POSITION_LONG = 1;
  private static final int ALTITUDE = 2;
  private static final int HEART_RATE = 3;
  private static final int CADENCE = 4;
  private static final int DISTANCE = 5;
  private static final int SPEED = 6;
  private static final int POWER = 7;
  private static final int FRACTIONAL_CADENCE = 53;
  private static final int ENHANCED_SPEED = 73;
  private static final int ENHANCED_ALTITUDE = 78;

  final List<FileIdMesg> fileIds = new ArrayList<>();
  final List<DeviceInfoMesg> devices = new ArrayList<>();
  final List<SessionMesg> sessions = new ArrayList<>();
  final List<LapMesg> laps = new ArrayList<>();
  final List<ActivityMesg> activities = new ArrayList<>();
  final List<SportMesg> sports = new ArrayList<>();
  /** Every record with a timestamp, in file order. */
  final StreamBuilder samples = new StreamBuilder();
  /** Lap messages past ActivityLap.MAX_PER_ACTIVITY, not kept. */
  int lapsDropped;
  /** Record messages seen, with or without a timestamp. */
  int records;
  /** Whether the file has HR-strap {@code hr} messages (swims), whose heart rate belongs in the records. */
  boolean heartRateMessages;

  @Override
  public void onMesg(Mesg m) {
    switch (m.getNum()) {
      case MesgNum.RECORD -> record(m);
      case MesgNum.FILE_ID -> fileIds.add(new FileIdMesg(m));
      case MesgNum.DEVICE_INFO -> devices.add(new DeviceInfoMesg(m));
      case MesgNum.SESSION -> sessions.add(new SessionMesg(m));
      case MesgNum.LAP -> {
        // A file may hold any number of lap messages; copies of more than the store keeps would only cost heap.
        if (laps.size() < fitcoach.activities.ActivityLap.MAX_PER_ACTIVITY) {
          laps.add(new LapMesg(m));
        } else {
          lapsDropped++;
        }
      }
      case MesgNum.ACTIVITY -> activities.add(new ActivityMesg(m));
      case MesgNum.SPORT -> sports.add(new SportMesg(m));
      case MesgNum.HR -> heartRateMessages = true;
      default -> {
        // Events, HRV, zones, developer fields and the like are not imported.
      }
    }
  }

  /**
   * One record, each field read with the SDK's own conversion (scale, offset, invalid values) exactly as RecordMesg's
   * getters would: the first field of a number counts, as in {@code Mesg.getField}.
   */
  private void record(Mesg m) {
    records++;
    long timestamp = Long.MIN_VALUE;
    double lat = Double.NaN;
    double lon = Double.NaN;
    double altitude = Double.NaN;
    double enhancedAltitude = Double.NaN;
    double heartRate = Double.NaN;
    double cadence = Double.NaN;
    double fractionalCadence = Double.NaN;
    double distance = Double.NaN;
    double speed = Double.NaN;
    double enhancedSpeed = Double.NaN;
    double power = Double.NaN;
    long read = 0;
    for (Field f : m.getFields()) {
      int num = f.getNum();
      int bit = slot(num);
      if (bit < 0 || (read & (1L << bit)) != 0) {
        continue;
      }
      read |= 1L << bit;
      switch (num) {
        case TIMESTAMP -> {
          Long v = f.getLongValue(0, MAIN);
          timestamp = v == null ? Long.MIN_VALUE : v;
        }
        case POSITION_LAT -> lat = semicircles(f.getIntegerValue(0, MAIN));
        case POSITION_LONG -> lon = semicircles(f.getIntegerValue(0, MAIN));
        case ALTITUDE -> altitude = number(f.getFloatValue(0, MAIN));
        case ENHANCED_ALTITUDE -> enhancedAltitude = number(f.getFloatValue(0, MAIN));
        case HEART_RATE -> heartRate = number(f.getShortValue(0, MAIN));
        case CADENCE -> cadence = number(f.getShortValue(0, MAIN));
        case FRACTIONAL_CADENCE -> fractionalCadence = number(f.getFloatValue(0, MAIN));
        case DISTANCE -> distance = number(f.getFloatValue(0, MAIN));
        case SPEED -> speed = number(f.getFloatValue(0, MAIN));
        case ENHANCED_SPEED -> enhancedSpeed = number(f.getFloatValue(0, MAIN));
        case POWER -> power = number(f.getIntegerValue(0, MAIN));
        default -> {
          // slot() admits only the fields above.
        }
      }
    }
    if (timestamp == Long.MIN_VALUE) {
      return;
    }
    samples.add((timestamp + FIT_EPOCH_S) * 1000)
        .position(lat, lon)
        .altitude(Double.isNaN(enhancedAltitude) ? altitude : enhancedAltitude)
        .heartRate(heartRate)
        .power(power)
        .speed(Double.isNaN(enhancedSpeed) ? speed : enhancedSpeed)
        .cadence(Double.isNaN(cadence) ? Double.NaN : cadence + (Double.isNaN(fractionalCadence) ? 0.0 : fractionalCadence))
        .distance(distance);
  }

  /** A bit per record field we read, or -1 for the fields we skip. */
  private static int slot(int num) {
    return switch (num) {
      case TIMESTAMP -> 0;
      case POSITION_LAT -> 1;
      case POSITION_LONG -> 2;
      case ALTITUDE -> 3;
      case ENHANCED_ALTITUDE -> 4;
      case HEART_RATE -> 5;
      case CADENCE -> 6;
      case FRACTIONAL_CADENCE -> 7;
      case DISTANCE -> 8;
      case SPEED -> 9;
      case ENHANCED_SPEED -> 10;
      case POWER -> 11;
      default -> -1;
    };
  }

  private static double semicircles(Integer value) {
    return value == null ? Double.NaN : value * DEGREES_PER_SEMICIRCLE;
  }

  private static double number(Number n) {
    return n == null ? Double.NaN : n.doubleValue();
  }
}
