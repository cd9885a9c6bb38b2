package org.anjia.registry.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.anjia.registry.adoption.BenchAdoptionStarts;
import org.anjia.registry.applications.ApplicationType;
import org.anjia.registry.children.AdmissionReason;
import org.anjia.registry.children.ChildAdoptionEvents;
import org.anjia.registry.familystyle.BenchCoupleStarts;
import org.anjia.registry.fostering.BenchFosterStarts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The province the benchmark measures in (issue 12): six of Jiangxi's children's welfare institutions
 * with their children's files, and families with several cases each, open and closed, over the three
 * family journeys. Rows are written with SQL in batches; every process is started by the service's own
 * start code with the variables a real submission gives, so the tasks, timers and histories are the
 * engine's own. Deterministic apart from the ids: the i-th family or child always looks the same.
 */
final class Province {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** An institution served, its county-level jurisdiction, and its share (%) of the families and children. */
  record Institution(String code, String name, String jurisdiction, String jurisdictionName, String fileCode,
      String district, int share) {}

  /**
   * Nanchang and Jiujiang are the ones the measured users (TestIdentityProvider) work in; the other
   * four give the scoping queries other jurisdictions' tasks to leave out. Shares add up to 100.
   */
  static final List<Institution> INSTITUTIONS = List.of(
      new Institution("nanchang-cwi", "南昌市儿童福利院", "360102", "南昌市东湖区民政局", "NC01", "江西省南昌市东湖区", 45),
      new Institution("jiujiang-cwi", "九江市儿童福利院", "360402", "九江市濂溪区民政局", "JJ01", "江西省九江市濂溪区", 20),
      new Institution("ganzhou-cwi", "赣州市儿童福利院", "360702", "赣州市章贡区民政局", "GZ01", "江西省赣州市章贡区", 10),
      new Institution("shangrao-cwi", "上饶市儿童福利院", "361102", "上饶市信州区民政局", "SR01", "江西省上饶市信州区", 9),
      new Institution("jian-cwi", "吉安市儿童福利院", "360802", "吉安市吉州区民政局", "JA01", "江西省吉安市吉州区", 8),
      new Institution("yichun-cwi", "宜春市儿童福利院", "360902", "宜春市袁州区民政局", "YC01", "江西省宜春市袁州区", 8));

  /**
   * The service's institutions as command-line arguments (anjia.institutions, read by Institutions):
   * a list from the command line replaces application.yaml's two whole.
   */
  static List<String> serviceArguments() {
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < INSTITUTIONS.size(); i++) {
      Institution institution = INSTITUTIONS.get(i);
      String prefix = "--anjia.institutions[" + i + "].";
      arguments.add(prefix + "code=" + institution.code());
      arguments.add(prefix + "name=" + institution.name());
      arguments.add(prefix + "jurisdiction=" + institution.jurisdiction());
      arguments.add(prefix + "jurisdiction-name=" + institution.jurisdictionName());
      arguments.add(prefix + "file-code=" + institution.fileCode());
    }
    return arguments;
  }

  /** The institution of the i-th family or child, in proportion to the shares (37 is prime to 100). */
  static Institution institutionOf(int index) {
    int slot = Math.floorMod(index * 37, 100);
    for (Institution institution : INSTITUTIONS) {
      slot -= institution.share();
      if (slot < 0) {
        return institution;
      }
    }
    throw new IllegalStateException("shares do not add up to 100");
  }

  /**
   * applications: open ones, one open task each, spread over the families; closedEvery: every such
   * family (0 = none) had an earlier foster application the eligibility decision rejected.
   */
  record Settings(int applications, int families, int children, int placements, int threads, int batch,
      Duration limit, int closedEvery) {}

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
      "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
  private static final String[] WOMEN = {"秀英", "桂英", "秀兰", "玉兰", "丽娟", "海燕", "春梅", "红梅", "淑珍", "美玲"};
  private static final String[] MEN = {"建国", "建华", "国强", "志强", "伟", "军", "勇", "俊杰", "海涛", "明"};
  /** The scans filed with each open application (metadata and a few bytes), by journey. */
  private static final Map<ApplicationType, List<String>> FILED_DOCUMENTS = Map.of(
      ApplicationType.FOSTER_FAMILY_QUALIFICATION, List.of("ID_CARD", "HUKOU_BOOK"),
      ApplicationType.ADOPTION, List.of("ID_CARD", "ADOPTION_APPLICATION_FORM"),
      ApplicationType.FAMILY_STYLE, List.of("ID_CARD", "MARRIAGE_CERTIFICATE"));
  /** Living space a family had when its earlier foster application failed art. 8(1) (15 m² per person). */
  private static final int CRAMPED_M2 = 20;

  private final ConfigurableApplicationContext context;
  private final Settings settings;
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final LocalDate today = LocalDate.now(CHINA);
  /** Children who may be adopted (送养 done), per institution: the adoption applications name them. */
  private final Map<String, List<UUID>> available = new LinkedHashMap<>();
  /** Each institution's open call for family-style couples. */
  private final Map<String, UUID> calls = new LinkedHashMap<>();

  Province(ConfigurableApplicationContext context, Settings settings) {
    this.context = context;
    this.settings = settings;
    this.jdbcTemplate = context.getBean(JdbcTemplate.class);
    this.jdbc = context.getBean(JdbcClient.class);
    this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  // ------------------------------------------------------------------------------------------------
  // children

  /**
   * Children's files written with SQL (through the API, 100,000 audited admissions would take longer
   * than the rest of the run): the child, its institution placement since admission and one document's
   * metadata (a few bytes of content). One in ten is a foundling whose 送养 is done (AVAILABLE): the
   * adoption applications name these. Returns nanchang-cwi's children, whom its caseworker may read.
   */
  List<UUID> seedChildren() {
    AdmissionReason[] reasons = AdmissionReason.values();
    List<UUID> nanchang = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int from = 0; from < settings.children(); from += 1000) {
      List<Object[]> children = new ArrayList<>();
      List<Object[]> placements = new ArrayList<>();
      List<Object[]> documents = new ArrayList<>();
      for (int i = from; i < Math.min(settings.children(), from + 1000); i++) {
        UUID id = UUID.randomUUID();
        Institution institution = institutionOf(i);
        boolean male = i % 3 == 0;
        // a whole hundred in ten: every hundred holds each institution's share
        boolean adoptable = (i / 100) % 10 == 3;
        LocalDate birth = LocalDate.of(2010, 1, 1).plusDays(i % 5000);
        LocalDate admitted = birth.plusDays(30 + i % 900);
        String name = SURNAMES[i % SURNAMES.length] + (male ? MEN : WOMEN)[i % 10];
        children.add(new Object[] {id, "%s-%d-%06d".formatted(institution.fileCode(), admitted.getYear(), i),
            institution.code(), institution.jurisdiction(), name, male ? "MALE" : "FEMALE",
            java.sql.Date.valueOf(birth), i % 7 == 0, i % 4 == 0 ? "INSTITUTION_ENTRUSTED" : "INSTITUTION_RAISED",
            adoptable ? AdmissionReason.FOUNDLING.name() : reasons[i % reasons.length].name(),
            java.sql.Date.valueOf(admitted), "入院登记 " + i, institution.name(), now,
            adoptable ? "AVAILABLE" : "NOT_PLACED"});
        placements.add(new Object[] {UUID.randomUUID(), id, java.sql.Date.valueOf(admitted)});
        documents.add(new Object[] {UUID.randomUUID(), id, "admission-" + i + ".pdf",
            ("%PDF-1.4 bench " + i).getBytes(StandardCharsets.UTF_8), now});
        if (institution.code().equals("nanchang-cwi")) {
          nanchang.add(id);
        }
        if (adoptable) {
          available.computeIfAbsent(institution.code(), code -> new ArrayList<>()).add(id);
        }
      }
      jdbcTemplate.batchUpdate("""
          insert into child (id, file_number, institution_code, jurisdiction_code, name, sex, birth_date, birth_date_estimated,
            category, admission_reason, admission_date, admission_record, guardian, current_placement, created_at, version,
            adoption_status)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'INSTITUTION', ?, 0, ?)""", children);
      jdbcTemplate.batchUpdate("insert into child_placement (id, child_id, kind, started_on) values (?, ?, 'INSTITUTION', ?)",
          placements);
      jdbcTemplate.batchUpdate("""
          insert into child_document (id, child_id, type, file_name, content_type, size_bytes, sha256, content,
            uploaded_by, uploaded_at)
          values (?, ?, 'ADMISSION_RECORD', ?, 'application/pdf', 20, repeat('0', 64), ?, 'bench', ?)""", documents);
    }
    return nanchang;
  }

  /**
   * 送养 for that many random children not yet placed: marked PLACEMENT_REQUESTED and the placement
   * process started by the service's own listener (the event a director's request publishes), one
   * batch per transaction. Each waits at PrepareMaterials for its institution's caseworkers.
   */
  void seedAdoptionPlacements() {
    List<UUID> children = jdbc.sql("select id from child where adoption_status = 'NOT_PLACED' order by random() limit :count")
        .param("count", settings.placements()).query(UUID.class).list();
    for (int from = 0; from < children.size(); from += settings.batch()) {
      List<UUID> batch = children.subList(from, Math.min(children.size(), from + settings.batch()));
      transaction.executeWithoutResult(status -> {
        jdbc.sql("update child set adoption_status = 'PLACEMENT_REQUESTED' where id in (:ids)").param("ids", batch)
            .update();
        batch.forEach(child -> context.publishEvent(new ChildAdoptionEvents.PlacementRequested(child)));
      });
    }
  }

  // ------------------------------------------------------------------------------------------------
  // families and their applications

  /** One household: two married adults who meet the rules of all three journeys. */
  private record Household(int index, UUID id, Institution home, String caregiver, String caregiverId,
      LocalDate caregiverBirth, String spouse, String spouseId, LocalDate spouseBirth, boolean earlierRejection,
      List<ApplicationType> open) {

    String login() {
      return "family-" + index + "@example.com";
    }

    String spouseLogin() {
      return "family-" + index + "-spouse@example.com";
    }
  }

  /** An application of a household: where it is filed, and for adoption the child it names. */
  private record Filed(UUID id, ApplicationType type, Household household, Institution institution, UUID child) {}

  /**
   * The journeys of the i-th family's open applications: the open ones are spread evenly over the
   * families. The service lets a family have one open application per journey and child
   * (Applications.open), so: one foster qualification, one family-style application for every other
   * family, and the rest adoption applications, each for another child.
   */
  private List<ApplicationType> openJourneys(int family) {
    int count = settings.applications() / settings.families()
        + (family < settings.applications() % settings.families() ? 1 : 0);
    List<ApplicationType> journeys = new ArrayList<>();
    for (int slot = 0; slot < count; slot++) {
      journeys.add(slot == 0 ? ApplicationType.FOSTER_FAMILY_QUALIFICATION
          : slot == 2 && family % 2 == 0 ? ApplicationType.FAMILY_STYLE : ApplicationType.ADOPTION);
    }
    return journeys;
  }

  /** Each institution opens a call for family-style couples (招募公告), open today. */
  void openCalls() {
    for (Institution institution : INSTITUTIONS) {
      UUID id = UUID.randomUUID();
      jdbc.sql("""
              insert into family_style_call (id, institution_code, title, opens_on, closes_on, places, created_by, created_at)
              values (:id, :code, :title, :opens, :closes, 20, 'bench', now())""")
          .param("id", id).param("code", institution.code()).param("title", institution.name() + "家庭式养育夫妻招募")
          .param("opens", today.minusMonths(1)).param("closes", today.plusMonths(2)).update();
      calls.put(institution.code(), id);
    }
  }

  /** How the families' seeding went. */
  record Seeded(int families, int openApplications, int earlierRejections, Duration time) {}

  /**
   * All families, a batch of them per pair of transactions on several threads: first the households
   * and their earlier foster applications, started and rejected (art. 8(1): too little living space
   * then); then the households' new living space and their open applications, each started by its
   * journey's own start code. The earlier rejection has its own transaction because the service reads
   * the household through JPA, which would keep the first reading for the rest of a transaction.
   */
  Seeded seedFamilies() throws InterruptedException {
    int perFamily = Math.max(1, (settings.applications() + settings.families() - 1) / settings.families());
    int familiesPerBatch = Math.max(1, settings.batch() / perFamily);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger families = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Instant start = Instant.now();
    Instant deadline = start.plus(settings.limit());
    AtomicLong lastLog = new AtomicLong(System.nanoTime());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < settings.threads(); t++) {
      Thread thread = new Thread(() -> {
        while (failure.get() == null && Instant.now().isBefore(deadline)) {
          int from = next.getAndAdd(familiesPerBatch);
          if (from >= settings.families()) {
            return;
          }
          List<Household> batch = new ArrayList<>();
          for (int i = from; i < Math.min(settings.families(), from + familiesPerBatch); i++) {
            batch.add(household(i));
          }
          try {
            rejected.addAndGet(seedEarlier(batch));
            open.addAndGet(seedOpen(batch));
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
            return;
          }
          families.addAndGet(batch.size());
          long now = System.nanoTime();
          long last = lastLog.get();
          if (now - last > 15_000_000_000L && lastLog.compareAndSet(last, now)) {
            double s = Duration.between(start, Instant.now()).toMillis() / 1e3;
            log("seeded %d of %d families, %d open applications (%.0f/s)".formatted(families.get(),
                settings.families(), open.get(), open.get() / s));
          }
        }
      }, "seed-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("seeding failed", failure.get());
    }
    if (families.get() < settings.families()) {
      throw new IllegalStateException("seeding took longer than " + settings.limit() + ": " + families.get()
          + " of " + settings.families() + " families");
    }
    return new Seeded(families.get(), open.get(), rejected.get(), Duration.between(start, Instant.now()));
  }

  private Household household(int i) {
    String caregiver = SURNAMES[i % SURNAMES.length] + WOMEN[(i / 3) % WOMEN.length];
    String spouse = SURNAMES[(i / 7 + 3) % SURNAMES.length] + MEN[(i / 11) % MEN.length];
    Institution home = institutionOf(i);
    // 35 to 54 and one to four years older: within every journey's age rules (adoption from 30,
    // 民法典 art. 1098(5); foster and family-style couples 30 to 65, 寄养办法 art. 8(5))
    LocalDate caregiverBirth = today.minusYears(35 + i % 20).minusDays(30 + i % 300);
    LocalDate spouseBirth = caregiverBirth.minusYears(1 + i % 4).minusDays(i % 200);
    return new Household(i, UUID.randomUUID(), home, caregiver,
        residentId(home.jurisdiction(), caregiverBirth, false, i), caregiverBirth, spouse,
        residentId(home.jurisdiction(), spouseBirth, true, i + 1), spouseBirth,
        settings.closedEvery() > 0 && i % settings.closedEvery() == 0, openJourneys(i));
  }

  /** The households, and the earlier foster applications of some, which the eligibility decision rejects. */
  private int seedEarlier(List<Household> batch) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> families = new ArrayList<>();
    List<Object[]> members = new ArrayList<>();
    List<Object[]> accounts = new ArrayList<>();
    List<Filed> earlier = new ArrayList<>();
    for (Household h : batch) {
      int i = h.index();
      families.add(new Object[] {h.id(), h.caregiver() + "家庭", h.home().district() + "幸福路" + (i % 400 + 1) + "号",
          h.home().district(), h.earlierRejection() ? CRAMPED_M2 : livingSpace(i), 8_000 + (i % 50) * 100,
          "1390791" + "%04d".formatted(i % 10_000), now});
      members.add(new Object[] {UUID.randomUUID(), h.id(), 0, h.caregiver(), h.caregiverId(),
          java.sql.Date.valueOf(h.caregiverBirth()), "FEMALE", "PRIMARY_CAREGIVER", i % 3 == 0 ? "SENIOR_HIGH" : "JUNIOR_MIDDLE"});
      members.add(new Object[] {UUID.randomUUID(), h.id(), 1, h.spouse(), h.spouseId(),
          java.sql.Date.valueOf(h.spouseBirth()), "MALE", "SPOUSE", i % 4 == 0 ? "BACHELOR" : "SENIOR_HIGH"});
      accounts.add(account(h.id(), h.login(), now));
      accounts.add(account(h.id(), h.spouseLogin(), now));
      if (h.earlierRejection()) {
        earlier.add(new Filed(UUID.randomUUID(), ApplicationType.FOSTER_FAMILY_QUALIFICATION, h, h.home(), null));
      }
    }
    transaction.executeWithoutResult(status -> {
      jdbcTemplate.batchUpdate("""
          insert into family (id, display_name, address, hukou_locality, local_hukou, fixed_home, living_space_m2,
                              monthly_income_yuan, phone, infectious_or_mental_illness, criminal_record, created_at, version)
          values (?, ?, ?, ?, true, true, ?, ?, ?, false, false, ?, 0)""", families);
      jdbcTemplate.batchUpdate("""
          insert into household_member (id, family_id, position, name, resident_id, birth_date, sex, role, education)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", members);
      jdbcTemplate.batchUpdate("insert into family_account (family_id, subject, username, linked_at) values (?, ?, ?, ?)",
          accounts);
      insertApplications(earlier, Instant.now().minus(Duration.ofDays(400)));
      earlier.forEach(filed -> BenchFosterStarts.start(context, filed.id()));
    });
    return earlier.size();
  }

  /** The open applications, with the documents filed so far, each started by its journey's own start code. */
  private int seedOpen(List<Household> batch) {
    List<Filed> open = new ArrayList<>();
    List<Object[]> moved = new ArrayList<>();
    for (Household h : batch) {
      if (h.earlierRejection()) {
        moved.add(new Object[] {livingSpace(h.index()), h.id()});
      }
      for (int slot = 0; slot < h.open().size(); slot++) {
        ApplicationType type = h.open().get(slot);
        UUID child = null;
        if (type == ApplicationType.ADOPTION) {
          // filed where the child lives (登记办法 art. 3); another child for each of the family's applications
          List<UUID> children = available.get(h.home().code());
          if (children == null || children.size() < h.open().size()) {
            throw new IllegalStateException("too few adoptable children at " + h.home().code()
                + ": raise -Dbench.children");
          }
          child = children.get(Math.floorMod(h.index() * 7919 + slot, children.size()));
        }
        open.add(new Filed(UUID.randomUUID(), type, h, h.home(), child));
      }
    }
    transaction.executeWithoutResult(status -> {
      // the family has moved since its rejection
      jdbcTemplate.batchUpdate("update family set living_space_m2 = ? where id = ?", moved);
      insertApplications(open, Instant.now());
      for (Filed filed : open) {
        switch (filed.type()) {
          case FOSTER_FAMILY_QUALIFICATION -> BenchFosterStarts.start(context, filed.id());
          case ADOPTION -> BenchAdoptionStarts.start(context, filed.id());
          case FAMILY_STYLE -> BenchCoupleStarts.start(context, filed.id());
        }
      }
    });
    return open.size();
  }

  /**
   * The applications' rows as a submission leaves them: submitted by the caregiver; for adoption and
   * family-style the spouse's confirmation too (民法典 art. 1101: a married couple adopts jointly), with
   * the declarations, and two documents' metadata for each.
   */
  private void insertApplications(List<Filed> filed, Instant submitted) {
    if (filed.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(submitted);
    Timestamp confirmed = Timestamp.from(submitted.plus(Duration.ofHours(2)));
    int year = submitted.atZone(CHINA).getYear();
    List<Long> numbers = jdbcTemplate.queryForList(
        "select nextval('application_number_seq') from generate_series(1, ?)", Long.class, filed.size());
    List<Object[]> applications = new ArrayList<>();
    List<Object[]> statusChanges = new ArrayList<>();
    List<Object[]> adoptions = new ArrayList<>();
    List<Object[]> couples = new ArrayList<>();
    List<Object[]> documents = new ArrayList<>();
    for (int k = 0; k < filed.size(); k++) {
      Filed f = filed.get(k);
      Household h = f.household();
      boolean joint = f.type() != ApplicationType.FOSTER_FAMILY_QUALIFICATION;
      applications.add(new Object[] {f.id(), "%s-%d-%06d".formatted(f.type().numberPrefix(), year, numbers.get(k)),
          f.type().name(), h.id(), "我们家庭和睦，希望为孩子提供温暖的家。", joint ? confirmed : at,
          f.institution().code(), f.institution().jurisdiction(), f.child(), joint ? h.spouseLogin() : null});
      statusChanges.add(new Object[] {f.id(), "SUBMITTED", at, h.login()});
      if (joint) {
        statusChanges.add(new Object[] {f.id(), "AWAITING_SPOUSE", at, h.login()});
        statusChanges.add(new Object[] {f.id(), "SUBMITTED", confirmed, h.spouseLogin()});
      }
      if (f.type() == ApplicationType.ADOPTION) {
        adoptions.add(new Object[] {f.id()});
      } else if (f.type() == ApplicationType.FAMILY_STYLE) {
        couples.add(new Object[] {f.id(), calls.get(f.institution().code()),
            java.sql.Date.valueOf(h.caregiverBirth().plusYears(26)), h.caregiverId(), h.spouseId()});
      }
      for (String type : FILED_DOCUMENTS.get(f.type())) {
        documents.add(new Object[] {UUID.randomUUID(), f.id(), type, type.toLowerCase() + ".pdf", h.login(), at});
      }
    }
    jdbcTemplate.batchUpdate("""
        insert into application (id, number, type, status, family_id, motivation, submitted_at, version,
                                 institution_code, jurisdiction_code, sealed, child_id, spouse_confirmed_by)
        values (?, ?, ?, 'SUBMITTED', ?, ?, ?, 0, ?, ?, false, ?, ?)""", applications);
    jdbcTemplate.batchUpdate("""
        insert into application_status_change (application_id, status, changed_at, actor)
        values (?, ?, ?, ?)""", statusChanges);
    jdbcTemplate.batchUpdate("""
        insert into adoption_declaration (application_id, can_raise_and_protect, marital_status)
        values (?, true, 'MARRIED')""", adoptions);
    jdbcTemplate.batchUpdate("""
        insert into couple_declaration (application_id, call_id, marriage_registered_on, full_time_partner_id,
                                        spouse_resident_id)
        values (?, ?, ?, ?, ?)""", couples);
    jdbcTemplate.batchUpdate("insert into document (id, application_id, type, file_name, content_type, size_bytes, "
        + "sha256, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, 'application/pdf', 4, repeat('0', 64), "
        + "'\\x25504446', ?, ?)", documents);
  }

  /** Enough for a foster child at 15 m² per person (寄养办法 art. 8(1), as configured). */
  private static int livingSpace(int i) {
    return 70 + i % 60;
  }

  private static Object[] account(UUID family, String login, Timestamp at) {
    return new Object[] {family, UUID.nameUUIDFromBytes(login.getBytes(StandardCharsets.UTF_8)).toString(), login, at};
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /** A valid GB 11643 number: area, birth date, sequence with the sex digit, check character. */
  static String residentId(String area, LocalDate birth, boolean male, int seed) {
    int sequence = (Math.floorMod(seed * 37, 499)) * 2 + (male ? 1 : 0);
    String first = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first.charAt(i) - '0') * WEIGHTS[i];
    }
    return first + CHECK.charAt(sum % 11);
  }

  // ------------------------------------------------------------------------------------------------
  // what was seeded, for the report

  /** A query's rows as Markdown table rows, every column as the database prints it. */
  private List<String> rows(String sql) {
    return jdbc.sql(sql).query((rs, row) -> {
      StringBuilder line = new StringBuilder("|");
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        line.append(' ').append(rs.getString(column)).append(" |");
      }
      return line.toString();
    }).list();
  }

  /** The province as the database holds it after the seeding: Markdown lines for the report's Data section. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("Open tasks by process, task, institution and candidate group (a task with two groups counts under each):");
    lines.add("");
    lines.add("| process | task | institution | candidate group | open tasks |");
    lines.add("| --- | --- | --- | --- | ---: |");
    lines.addAll(rows("""
            select pd.key_, t.task_def_key_, coalesce(a.institution_code, c.institution_code, '?'),
                   coalesce(il.group_id_, '(none)'), count(*)
            from act_ru_task t
            join act_re_procdef pd on pd.id_ = t.proc_def_id_
            join act_ru_execution pi on pi.id_ = t.proc_inst_id_
            left join act_ru_identitylink il on il.task_id_ = t.id_ and il.type_ = 'candidate'
            left join application a on a.id::text = pi.business_key_
            left join child c on c.id::text = pi.business_key_
            group by 1, 2, 3, 4 order by 1, 2, 3, 4"""));
    lines.add("");
    lines.add("Open tasks per candidate group: " + String.join(", ", jdbc.sql("""
            select il.group_id_, count(*) from act_ru_task t
            join act_ru_identitylink il on il.task_id_ = t.id_ and il.type_ = 'candidate'
            group by 1 order by 2 desc""")
        .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2)).list()) + ".");
    lines.add("");
    lines.add("Applications by journey and status (open: SUBMITTED; closed: the earlier ones):");
    lines.add("");
    lines.add("| journey | status | applications | families |");
    lines.add("| --- | --- | ---: | ---: |");
    lines.addAll(rows("select type, status, count(*), count(distinct family_id) from application group by 1, 2 order by 1, 2"));
    lines.add("");
    lines.add("Children's files by institution and 送养 status:");
    lines.add("");
    lines.add("| institution | jurisdiction | adoption status | children |");
    lines.add("| --- | --- | --- | ---: |");
    lines.addAll(rows("select institution_code, jurisdiction_code, adoption_status, count(*) from child group by 1, 2, 3 order by 1, 2, 3"));
    lines.add("");
    lines.add(jdbc.sql("""
            select (select count(*) from family), (select count(*) from household_member),
                   (select count(*) from application_status_change), (select count(*) from document),
                   (select count(*) from child_document), (select count(*) from act_hi_procinst),
                   (select count(*) from act_hi_procinst where end_time_ is not null),
                   (select count(*) from act_hi_actinst), (select count(*) from act_hi_varinst),
                   (select count(*) from act_ru_job)""")
        .query((rs, row) -> ("Rows: %d families (%d household members); %d application status changes; %d application "
            + "documents' and %d children's documents' metadata; engine history: %d process instances (%d ended), "
            + "%d activity instances, %d variables; %d jobs (timers) waiting.").formatted(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
            rs.getLong(10)))
        .single());
    return lines;
  }

  private static void log(String message) {
    System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }
}
