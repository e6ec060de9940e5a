/** The commented example plan printed by `mls plan example`. Every field is shown with its default. */
export const EXAMPLE_PLAN = `# mls study plan: edit it, then run  mls plan check plan.yaml  and  mls plan build plan.yaml -o study.ics
# Dates are YYYY-MM-DD, times HH:MM (24-hour), all in the time zone below.

name: MLIS study plan            # calendar name; also keeps event ids stable between builds
timezone: America/Chicago        # IANA name; leave out to use this computer's zone

terms:
  - name: Fall 2027
    start: 2027-08-23
    end: 2027-12-10
    breaks:                      # nothing is scheduled on these days
      - name: Thanksgiving break
        start: 2027-11-22
        end: 2027-11-28
  - name: Spring 2028
    start: 2028-01-18
    end: 2028-05-05
    breaks:
      - name: Spring break
        start: 2028-03-13
        end: 2028-03-19

# When you can study, every week
availability:
  - { day: mon, start: "19:00", end: "21:30" }
  - { day: wed, start: "19:00", end: "21:30" }
  - { day: thu, start: "19:00", end: "21:00" }
  - { day: sat, start: "09:00", end: "13:00" }
  - { day: sun, start: "14:00", end: "17:00" }

courses:
  - code: INFO 200
    title: Information Communities
    weeklyHours: 3               # steady weekly study: readings, lectures, discussion
  - code: INFO 202
    title: Information Retrieval System Design
    weeklyHours: 3

deadlines:                       # kind: assignment, paper, project, discussion, quiz or exam
  - course: INFO 200
    title: Community analysis paper
    kind: paper
    due: 2027-10-08 23:59        # a date and time, or just a date (due that day, shown all day)
    hours: 10                    # your own estimate; it is multiplied by estimateMultiplier
  - course: INFO 202
    title: Database design project
    kind: project
    due: 2027-11-12 17:00
    hours: 14
  - course: INFO 202
    title: Midterm exam
    kind: exam
    due: 2027-10-20 19:00
    hours: 6
  - course: INFO 200
    title: Final reflection
    kind: paper
    due: 2027-12-08
    hours: 6
  - course: INFO 202
    title: Search evaluation
    kind: assignment
    due: 2028-03-03 23:59
    hours: 8

settings:                        # every setting is optional; these are the defaults
  revisionBufferDays: 3          # the last days before a due date are for revising and editing
  estimateMultiplier: 1.5        # estimates run ~40% short (Buehler, Griffin & Ross 1994)
  prepStartDays: 21              # work starts at most this many days before the due date
  sessionMinutes: 90             # longest block
  minBlockMinutes: 30            # shortest block
  revisionMinutes: 60            # the revise-and-edit block, and each exam review
  reminders: [1d, 2h]            # alarms before each due time
`;
