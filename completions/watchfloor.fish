# fish completion for watchfloor and wf
# Generated from the command tree by `watchfloor completion fish`; do not edit.
function __watchfloor_state
    set -l words (commandline -opc)
    set -l cmdpath ''
    set -l npos 0
    set -l skip 0
    set -l fields 0
    for word in $words[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        # The word after --json is its value when it is a list of fields (json-flag.ts).
        if test $fields = 1
            set fields 0
            if __watchfloor_is_json_fields $word
                continue
            end
        end
        switch $word
            case --json
                set fields 1
                continue
            case --lang --profile --hub --token --ca --region --output -o --kind --state --site --severity --limit --to --reason --summary --concurrency --note --incident --input --playbook --step --out --asset --match --for --from --until --since --hours --arrivals --egates --staff --ai-share --scenario --shift --post --format --name --role --expires --checkpoint --config --seed --speed --demo-past --demo-report-every --port --host --data --ssh-key --audit-key --audit-checkpoints --playbooks --peaks --tls-cert --tls-key --log-format --retain --early-warning --intake-queue --intake-backlog --group-window --group-sites --teams-port --identities --cards-channel --cards-route --cards-min-severity --outbox --teams-cards-conversation --teams-cards-route --teams-service-url --fault --sim
                set skip 1
                continue
            case '-*'
                continue
        end
        switch "$cmdpath/$word"
            case /status
                set cmdpath /status
                set npos 0
            case /watch
                set cmdpath /watch
                set npos 0
            case /sites
                set cmdpath /sites
                set npos 0
            case /sites/list /sites/ls
                set cmdpath /sites/list
                set npos 0
            case /sites/show /sites/view
                set cmdpath /sites/show
                set npos 0
            case /incidents /inc
                set cmdpath /incidents
                set npos 0
            case /incidents/list /incidents/ls
                set cmdpath /incidents/list
                set npos 0
            case /incidents/show /incidents/view
                set cmdpath /incidents/show
                set npos 0
            case /incidents/ack
                set cmdpath /incidents/ack
                set npos 0
            case /incidents/assign
                set cmdpath /incidents/assign
                set npos 0
            case /incidents/note
                set cmdpath /incidents/note
                set npos 0
            case /incidents/escalate
                set cmdpath /incidents/escalate
                set npos 0
            case /incidents/resolve
                set cmdpath /incidents/resolve
                set npos 0
            case /diag
                set cmdpath /diag
                set npos 0
            case /diag/run
                set cmdpath /diag/run
                set npos 0
            case /diag/fleet
                set cmdpath /diag/fleet
                set npos 0
            case /dispatch
                set cmdpath /dispatch
                set npos 0
            case /dispatch/list /dispatch/ls
                set cmdpath /dispatch/list
                set npos 0
            case /dispatch/show /dispatch/view
                set cmdpath /dispatch/show
                set npos 0
            case /dispatch/close
                set cmdpath /dispatch/close
                set npos 0
            case /playbook
                set cmdpath /playbook
                set npos 0
            case /playbook/list /playbook/ls
                set cmdpath /playbook/list
                set npos 0
            case /playbook/show /playbook/view
                set cmdpath /playbook/show
                set npos 0
            case /playbook/run
                set cmdpath /playbook/run
                set npos 0
            case /playbook/runs
                set cmdpath /playbook/runs
                set npos 0
            case /playbook/status
                set cmdpath /playbook/status
                set npos 0
            case /playbook/approve
                set cmdpath /playbook/approve
                set npos 0
            case /playbook/reject
                set cmdpath /playbook/reject
                set npos 0
            case /playbook/confirm
                set cmdpath /playbook/confirm
                set npos 0
            case /playbook/pause
                set cmdpath /playbook/pause
                set npos 0
            case /playbook/resume
                set cmdpath /playbook/resume
                set npos 0
            case /playbook/abort
                set cmdpath /playbook/abort
                set npos 0
            case /playbook/retry
                set cmdpath /playbook/retry
                set npos 0
            case /playbook/note
                set cmdpath /playbook/note
                set npos 0
            case /playbook/report
                set cmdpath /playbook/report
                set npos 0
            case /playbook/validate
                set cmdpath /playbook/validate
                set npos 0
            case /playbook/schema
                set cmdpath /playbook/schema
                set npos 0
            case /playbook/history
                set cmdpath /playbook/history
                set npos 0
            case /playbook/auto
                set cmdpath /playbook/auto
                set npos 0
            case /drill
                set cmdpath /drill
                set npos 0
            case /drill/list /drill/ls
                set cmdpath /drill/list
                set npos 0
            case /drill/show /drill/view
                set cmdpath /drill/show
                set npos 0
            case /silence
                set cmdpath /silence
                set npos 0
            case /silence/add
                set cmdpath /silence/add
                set npos 0
            case /silence/list /silence/ls
                set cmdpath /silence/list
                set npos 0
            case /silence/show /silence/view
                set cmdpath /silence/show
                set npos 0
            case /silence/expire
                set cmdpath /silence/expire
                set npos 0
            case /maintenance
                set cmdpath /maintenance
                set npos 0
            case /maintenance/add
                set cmdpath /maintenance/add
                set npos 0
            case /maintenance/list /maintenance/ls
                set cmdpath /maintenance/list
                set npos 0
            case /maintenance/cancel
                set cmdpath /maintenance/cancel
                set npos 0
            case /kpi
                set cmdpath /kpi
                set npos 0
            case /kpi/summary
                set cmdpath /kpi/summary
                set npos 0
            case /kpi/incidents
                set cmdpath /kpi/incidents
                set npos 0
            case /kpi/continuity
                set cmdpath /kpi/continuity
                set npos 0
            case /kpi/flow
                set cmdpath /kpi/flow
                set npos 0
            case /kpi/staff
                set cmdpath /kpi/staff
                set npos 0
            case /kpi/satisfaction
                set cmdpath /kpi/satisfaction
                set npos 0
            case /kpi/contact-centre
                set cmdpath /kpi/contact-centre
                set npos 0
            case /kpi/remote
                set cmdpath /kpi/remote
                set npos 0
            case /forecast
                set cmdpath /forecast
                set npos 0
            case /scenario
                set cmdpath /scenario
                set npos 0
            case /handover
                set cmdpath /handover
                set npos 0
            case /handover/issue
                set cmdpath /handover/issue
                set npos 0
            case /handover/accept
                set cmdpath /handover/accept
                set npos 0
            case /handover/show /handover/view
                set cmdpath /handover/show
                set npos 0
            case /handover/list /handover/ls
                set cmdpath /handover/list
                set npos 0
            case /inventory
                set cmdpath /inventory
                set npos 0
            case /inventory/plan
                set cmdpath /inventory/plan
                set npos 0
            case /inventory/apply
                set cmdpath /inventory/apply
                set npos 0
            case /inventory/export
                set cmdpath /inventory/export
                set npos 0
            case /tokens
                set cmdpath /tokens
                set npos 0
            case /tokens/create
                set cmdpath /tokens/create
                set npos 0
            case /tokens/list /tokens/ls
                set cmdpath /tokens/list
                set npos 0
            case /tokens/revoke
                set cmdpath /tokens/revoke
                set npos 0
            case /audit
                set cmdpath /audit
                set npos 0
            case /audit/list /audit/ls
                set cmdpath /audit/list
                set npos 0
            case /audit/verify
                set cmdpath /audit/verify
                set npos 0
            case /audit/checkpoint
                set cmdpath /audit/checkpoint
                set npos 0
            case /config
                set cmdpath /config
                set npos 0
            case /config/get
                set cmdpath /config/get
                set npos 0
            case /config/set
                set cmdpath /config/set
                set npos 0
            case /config/list /config/ls
                set cmdpath /config/list
                set npos 0
            case /config/use
                set cmdpath /config/use
                set npos 0
            case /config/current
                set cmdpath /config/current
                set npos 0
            case /config/rename-profile
                set cmdpath /config/rename-profile
                set npos 0
            case /config/delete-profile
                set cmdpath /config/delete-profile
                set npos 0
            case /hub
                set cmdpath /hub
                set npos 0
            case /hub/start
                set cmdpath /hub/start
                set npos 0
            case /hub/backup
                set cmdpath /hub/backup
                set npos 0
            case /hub/restore
                set cmdpath /hub/restore
                set npos 0
            case /demo
                set cmdpath /demo
                set npos 0
            case /bot
                set cmdpath /bot
                set npos 0
            case /sim
                set cmdpath /sim
                set npos 0
            case /sim/inject
                set cmdpath /sim/inject
                set npos 0
            case /sim/faults
                set cmdpath /sim/faults
                set npos 0
            case /sim/kinds
                set cmdpath /sim/kinds
                set npos 0
            case /completion
                set cmdpath /completion
                set npos 0
            case '*'
                set npos (math $npos + 1)
        end
    end
    echo "$cmdpath:$npos"
end

function __watchfloor_at
    test (__watchfloor_state) = "$argv[1]"
end

function __watchfloor_in
    string match -q -- "$argv[1]:*" (__watchfloor_state)
end

# The fields --json selects from (given), a comma list as gh has it: none offered twice.
function __watchfloor_json_fields
    set -l token (commandline -ct | string replace -r -- '^--[^=]*=' '')
    set -l head (string match -r -- '^.*,' "$token")
    set -l used (string split , -- "$head")
    for field in $argv
        contains -- $field $used; or echo "$head$field"
    end
end

function __watchfloor_is_json_fields
    test -n "$argv[1]"; or return 1
    for field in (string split , -- $argv[1])
        contains -- $field acceptedAt acceptedBy acknowledgedAt acknowledgedBy action actor alertsSilenced annualPassengers arrivalsPerHour assetId assignedBy assignee assigneeId assignerAuthority at bot carriedOver channel childCount city cityAr closedAt closedBy contactCentre counters createdAt createdBy detail drillRunId egates endsAt escalations expiredAt expiredBy expiresAt fingerprint flapping grouping hash health id incidentId issuedAt issuedBy kind labels lastUsedAt lat lon matchers mode name neighbour note openIncidents openItems parentId partsLikely prevHash priority queueLength reason region reportedAt resolvedAt resolvedBy revokedAt role seq severity shift silence siteId source staff startsAt state summary target title updatedAt version waitMinutes; or return 1
    end
end

function __watchfloor_dynamic
    set -l words (commandline -opc)
    $words[1] __complete $argv[1] 2>/dev/null
end

complete -c watchfloor -f
complete -c watchfloor -l version -s V -d 'print the version'
complete -c watchfloor -l json -d 'machine-readable output (shapes in docs/json.md); FIELDS (id,title,state) selects fields'
complete -c watchfloor -l no-color -d 'no colour (also: NO_COLOR)'
complete -c watchfloor -l lang -x -a 'en ar' -d 'language of site names and labels'
complete -c watchfloor -l profile -x -a '(__watchfloor_dynamic profiles)' -d 'config profile (also: WATCHFLOOR_PROFILE)'
complete -c watchfloor -l hub -r -d 'hub URL (also: WATCHFLOOR_HUB)'
complete -c watchfloor -l token -r -d 'API token (also: WATCHFLOOR_TOKEN)'
complete -c watchfloor -l ca -r -d 'PEM file of the CA an https:// hub\'s certificate is signed by (also: WATCHFLOOR_CA, profile ca)'
complete -c watchfloor -l insecure -d 'send the token over plain http:// to a hub that is not on this machine'
complete -c watchfloor -l debug -d 'stack traces on errors'
complete -c watchfloor -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at :0' -a status -d 'fleet overview, worst first; or one site in detail'
complete -c watchfloor -n '__watchfloor_at :0' -a watch -d 'live view of every site and the incident queue; keys: arrows/hjkl, Tab, Enter, g, /, a, d, f, e, r, p (playbooks), ?, q'
complete -c watchfloor -n '__watchfloor_at :0' -a sites -d 'the sites: air, land and sea ports, passport service centres'
complete -c watchfloor -n '__watchfloor_at :0' -a incidents -d 'incidents: list, show, ack, assign, note, escalate, resolve'
complete -c watchfloor -n '__watchfloor_at :0' -a inc -d 'incidents: list, show, ack, assign, note, escalate, resolve'
complete -c watchfloor -n '__watchfloor_at :0' -a diag -d 'remote diagnostics: probe, fix what is safe, verify, or dispatch'
complete -c watchfloor -n '__watchfloor_at :0' -a dispatch -d 'work orders for technicians: list, show, close'
complete -c watchfloor -n '__watchfloor_at :0' -a playbook -d 'prepared crisis responses: list, show, run and follow, approve, steer a run, after-action reports, validate files, versions, auto-runs'
complete -c watchfloor -n '__watchfloor_at :0' -a drill -d 'drills and their scores: list them newest first, show one\'s scorecard'
complete -c watchfloor -n '__watchfloor_at :0' -a silence -d 'silences: alerts recorded but opening no incident and paging no one, for a while'
complete -c watchfloor -n '__watchfloor_at :0' -a maintenance -d 'sites\' scheduled maintenance windows: alerts inside one open no incident'
complete -c watchfloor -n '__watchfloor_at :0' -a kpi -d 'key performance indicators against their targets'
complete -c watchfloor -n '__watchfloor_at :0' -a forecast -d 'a site\'s arrivals per hour ahead, with prediction intervals; --breaches: every site predicted over its wait target'
complete -c watchfloor -n '__watchfloor_at :0' -a scenario -d 'what-if: the hours ahead under more arrivals, fewer e-gates or officers — wait, breaches, counters to open'
complete -c watchfloor -n '__watchfloor_at :0' -a handover -d 'shift handovers: issue one, take one over, read them'
complete -c watchfloor -n '__watchfloor_at :0' -a inventory -d 'the inventory as code: plan and apply files of sites, assets, dependencies and alert labels; export what the hub holds'
complete -c watchfloor -n '__watchfloor_at :0' -a tokens -d 'API tokens for people, bots and Alertmanager'
complete -c watchfloor -n '__watchfloor_at :0' -a audit -d 'the append-only, hash-chained audit log and its signed checkpoints'
complete -c watchfloor -n '__watchfloor_at :0' -a config -d 'profiles: which hub, which token'
complete -c watchfloor -n '__watchfloor_at :0' -a hub -d 'the command-centre service'
complete -c watchfloor -n '__watchfloor_at :0' -a demo -d 'start a demo hub with the 103-site fleet and watch it: the live UI on a terminal, the status refreshing when piped'
complete -c watchfloor -n '__watchfloor_at :0' -a bot -d 'run the chat bot (Slack and/or Teams, whichever has credentials) until Ctrl-C'
complete -c watchfloor -n '__watchfloor_at :0' -a sim -d 'the demo\'s device emulator: inject faults, see the ground truth'
complete -c watchfloor -n '__watchfloor_at :0' -a completion -d 'print the shell completion script (bash, zsh or fish)'
complete -c watchfloor -n '__watchfloor_in /status' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /status' -l output -s o -x -a 'wide json' -d 'wide: more columns; json: as --json'
complete -c watchfloor -n '__watchfloor_in /status' -l watch -s w -d 'keep following the hub: redrawn on a terminal; piped, a line (with --json, a JSON object) per change; Ctrl-C stops'
complete -c watchfloor -n '__watchfloor_in /status' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /status' -l json -x -a '(__watchfloor_json_fields id name kind region health openIncidents waitMinutes queueLength arrivalsPerHour egates counters staff reportedAt mode silence contactCentre)'
complete -c watchfloor -n '__watchfloor_at /status:0' -x -a '(__watchfloor_dynamic sites)'
complete -c watchfloor -n '__watchfloor_in /watch' -l wall -d 'for a video wall: large tiles where the fleet fits them, no keys (Ctrl-C stops)'
complete -c watchfloor -n '__watchfloor_in /watch' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /sites' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /sites:0' -a list -d 'the site inventory'
complete -c watchfloor -n '__watchfloor_at /sites:0' -a ls -d 'the site inventory'
complete -c watchfloor -n '__watchfloor_at /sites:0' -a show -d 'one site in detail: its status, assets and open incidents (as `status SITE`)'
complete -c watchfloor -n '__watchfloor_at /sites:0' -a view -d 'one site in detail: its status, assets and open incidents (as `status SITE`)'
complete -c watchfloor -n '__watchfloor_in /sites/list' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /sites/list' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /sites/list' -l output -s o -x -a 'wide json' -d 'wide: more columns; json: as --json'
complete -c watchfloor -n '__watchfloor_in /sites/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /sites/list' -l json -x -a '(__watchfloor_json_fields id name kind region city lat lon neighbour annualPassengers staff source cityAr)'
complete -c watchfloor -n '__watchfloor_in /sites/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /sites/show:0' -x -a '(__watchfloor_dynamic sites)'
complete -c watchfloor -n '__watchfloor_in /incidents' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a list -d 'incidents, newest first (open ones unless --state says otherwise)'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a ls -d 'incidents, newest first (open ones unless --state says otherwise)'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a show -d 'one incident with its timeline'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a view -d 'one incident with its timeline'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a ack -d 'acknowledge an incident: you are on it'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a assign -d 'hand an incident to someone'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a note -d 'add a note to the timeline'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a escalate -d 'raise the severity one step (supervisors)'
complete -c watchfloor -n '__watchfloor_at /incidents:0' -a resolve -d 'close an incident with a summary of what fixed it'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l state -x -a 'open all triggered acknowledged dispatched resolved' -d 'open, all, or one state'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l severity -x -a 'sev1 sev2 sev3 sev4' -d 'only this severity'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l limit -r -d 'at most N, newest first (the hub gives at most 1000)'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l children -d 'also the incidents grouped under a parent (folded by default; a parent shows how many); --site shows them always'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l output -s o -x -a 'wide json' -d 'wide: more columns; json: as --json'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l watch -s w -d 'keep following the hub: redrawn on a terminal; piped, a line (with --json, a JSON object) per change; Ctrl-C stops'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /incidents/list' -l json -x -a '(__watchfloor_json_fields id title severity state siteId assetId source fingerprint labels createdAt updatedAt acknowledgedBy acknowledgedAt assignee escalations resolvedBy resolvedAt summary version assigneeId assignedBy assignerAuthority drillRunId parentId childCount grouping flapping)'
complete -c watchfloor -n '__watchfloor_in /incidents/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /incidents/show' -l json -x -a '(__watchfloor_json_fields id title severity state siteId assetId source fingerprint labels createdAt updatedAt acknowledgedBy acknowledgedAt assignee escalations resolvedBy resolvedAt summary version assigneeId assignedBy assignerAuthority drillRunId parentId childCount grouping flapping)'
complete -c watchfloor -n '__watchfloor_at /incidents/show:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /incidents/ack' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents/ack:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /incidents/assign' -l to -r -d 'who takes it'
complete -c watchfloor -n '__watchfloor_in /incidents/assign' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents/assign:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /incidents/note' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents/note:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /incidents/escalate' -l reason -r -d 'why, for the timeline'
complete -c watchfloor -n '__watchfloor_in /incidents/escalate' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents/escalate:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /incidents/resolve' -l summary -r -d 'what fixed it'
complete -c watchfloor -n '__watchfloor_in /incidents/resolve' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /incidents/resolve:0' -x -a '(__watchfloor_dynamic incidents)'
complete -c watchfloor -n '__watchfloor_in /diag' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /diag:0' -a run -d 'diagnose a site, SITE/asset or incident; --fix applies the safe fixes and verifies them'
complete -c watchfloor -n '__watchfloor_at /diag:0' -a fleet -d 'sweep many assets with bounded concurrency, then a summary'
complete -c watchfloor -n '__watchfloor_in /diag/run' -l fix -d 'try the remediations, least disruptive first, until one is verified'
complete -c watchfloor -n '__watchfloor_in /diag/run' -l dry-run -d 'print the plan; touch nothing'
complete -c watchfloor -n '__watchfloor_in /diag/run' -l all -d 'a site\'s healthy assets line by line too, not only counted in the summary'
complete -c watchfloor -n '__watchfloor_in /diag/run' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /diag/run:0' -x -a '(__watchfloor_dynamic targets)'
complete -c watchfloor -n '__watchfloor_in /diag/fleet' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /diag/fleet' -l kind -x -a 'egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration' -d 'only this kind of asset'
complete -c watchfloor -n '__watchfloor_in /diag/fleet' -l fix -d 'apply the safe fixes, verified, where a probe finds something'
complete -c watchfloor -n '__watchfloor_in /diag/fleet' -l concurrency -r -d 'assets diagnosed at once (the hub also limits each site)'
complete -c watchfloor -n '__watchfloor_in /diag/fleet' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /dispatch' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /dispatch:0' -a list -d 'work orders for technicians (open ones unless --state says otherwise)'
complete -c watchfloor -n '__watchfloor_at /dispatch:0' -a ls -d 'work orders for technicians (open ones unless --state says otherwise)'
complete -c watchfloor -n '__watchfloor_at /dispatch:0' -a show -d 'one work order: findings, actions tried, parts likely needed'
complete -c watchfloor -n '__watchfloor_at /dispatch:0' -a view -d 'one work order: findings, actions tried, parts likely needed'
complete -c watchfloor -n '__watchfloor_at /dispatch:0' -a close -d 'close a work order once repaired on site (resolves its incident)'
complete -c watchfloor -n '__watchfloor_in /dispatch/list' -l state -x -a 'open closed all' -d 'open, closed or all'
complete -c watchfloor -n '__watchfloor_in /dispatch/list' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /dispatch/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /dispatch/list' -l json -x -a '(__watchfloor_json_fields id incidentId siteId assetId partsLikely priority state createdAt createdBy closedAt closedBy note)'
complete -c watchfloor -n '__watchfloor_in /dispatch/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /dispatch/show' -l json -x -a '(__watchfloor_json_fields id incidentId siteId assetId partsLikely priority state createdAt createdBy closedAt closedBy note)'
complete -c watchfloor -n '__watchfloor_at /dispatch/show:0' -x -a '(__watchfloor_dynamic dispatches)'
complete -c watchfloor -n '__watchfloor_in /dispatch/close' -l note -r -d 'what was done on site'
complete -c watchfloor -n '__watchfloor_in /dispatch/close' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /dispatch/close:0' -x -a '(__watchfloor_dynamic dispatches)'
complete -c watchfloor -n '__watchfloor_in /playbook' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a list -d 'the playbooks the hub can run: id, title, severity, version, triggers, source'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a ls -d 'the playbooks the hub can run: id, title, severity, version, triggers, source'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a show -d 'one playbook: what it is for, its inputs, triggers and steps'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a view -d 'one playbook: what it is for, its inputs, triggers and steps'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a run -d 'start a playbook and follow it until it ends or waits for a person'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a runs -d 'list playbook runs, newest first'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a status -d 'one run: its steps and attempts, approvals and notes'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a approve -d 'approve the step a run waits on'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a reject -d 'reject the step a run waits on (the run fails there unless its playbook says otherwise)'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a confirm -d 'confirm checklist items of the step a run waits on (numbers as `playbook status` lists them)'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a pause -d 'pause a run: it starts no further step until resumed'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a resume -d 'resume a paused run from where it stands (past a step that failed, or one whose outcome is unknown)'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a abort -d 'end a run: no further step runs'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a retry -d 'run again the step a run failed or paused at; the run goes on from there'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a note -d 'add a note to a run (lessons for the after-action report)'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a report -d 'the after-action report of a run: timeline, who did what, steps against targets, failures, lessons (Markdown)'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a validate -d 'check playbook files (or directories of them) as the hub would load them; no hub needed'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a schema -d 'print the playbook format as JSON Schema (docs/playbook.schema.json), for editors'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a history -d 'the versions of a playbook the hub has loaded, and which runs used each'
complete -c watchfloor -n '__watchfloor_at /playbook:0' -a auto -d 'show, or turn on or off (admins), the hub starting playbooks marked auto on matching new incidents'
complete -c watchfloor -n '__watchfloor_in /playbook/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /playbook/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/show:0' -x -a '(__watchfloor_dynamic playbooks)'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l site -x -a '(__watchfloor_dynamic sites)' -d 'the site it runs for: ${site} in its steps'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l incident -x -a '(__watchfloor_dynamic incidents)' -d 'the incident it answers: ${incident} in its steps'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l input -r -d 'a value for one of its inputs (repeatable)'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l drill -d 'a drill: inject steps run, and everything it does is marked as a drill'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l dry-run -d 'show the steps with their targets filled in; do nothing'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l yes -d 'start without asking (required when no one is at a terminal)'
complete -c watchfloor -n '__watchfloor_in /playbook/run' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /playbook/runs' -l state -x -a 'running waiting paused succeeded failed aborted active' -d 'only runs in this state (active: running, waiting or paused)'
complete -c watchfloor -n '__watchfloor_in /playbook/runs' -l playbook -r -d 'only runs of this playbook'
complete -c watchfloor -n '__watchfloor_in /playbook/runs' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /playbook/status' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/status:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/approve' -l step -r -d 'the step (default: the one the run waits on)'
complete -c watchfloor -n '__watchfloor_in /playbook/approve' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/approve:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/reject' -l step -r -d 'the step (default: the one the run waits on)'
complete -c watchfloor -n '__watchfloor_in /playbook/reject' -l reason -r -d 'why, for the run and the audit log'
complete -c watchfloor -n '__watchfloor_in /playbook/reject' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/reject:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/confirm' -l step -r -d 'the step (default: the one the run waits on)'
complete -c watchfloor -n '__watchfloor_in /playbook/confirm' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/confirm:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/pause' -l reason -r -d 'why, for the run and the audit log'
complete -c watchfloor -n '__watchfloor_in /playbook/pause' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/pause:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/resume' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/resume:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/abort' -l reason -r -d 'why, for the run and the audit log'
complete -c watchfloor -n '__watchfloor_in /playbook/abort' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/abort:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/retry' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/retry:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/note' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/note:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/report' -l out -r -d 'write the Markdown to this file'
complete -c watchfloor -n '__watchfloor_in /playbook/report' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/report:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /playbook/validate' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /playbook/schema' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /playbook/history' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/history:0' -x -a '(__watchfloor_dynamic playbooks)'
complete -c watchfloor -n '__watchfloor_in /playbook/auto' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /playbook/auto:0' -x -a 'on off'
complete -c watchfloor -n '__watchfloor_in /drill' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /drill:0' -a list -d 'ended drills, newest first: score, steps on time, late and missed, time to first action and to recovery'
complete -c watchfloor -n '__watchfloor_at /drill:0' -a ls -d 'ended drills, newest first: score, steps on time, late and missed, time to first action and to recovery'
complete -c watchfloor -n '__watchfloor_at /drill:0' -a show -d 'one drill\'s scorecard: each step against its target, first action, recovery, score'
complete -c watchfloor -n '__watchfloor_at /drill:0' -a view -d 'one drill\'s scorecard: each step against its target, first action, recovery, score'
complete -c watchfloor -n '__watchfloor_in /drill/list' -l playbook -r -d 'only drills of this playbook'
complete -c watchfloor -n '__watchfloor_in /drill/list' -l limit -r -d 'at most this many (default 100)'
complete -c watchfloor -n '__watchfloor_in /drill/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /drill/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /drill/show:0' -x -a '(__watchfloor_dynamic runs)'
complete -c watchfloor -n '__watchfloor_in /silence' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a add -d 'silence alerts of a site, an asset or matching labels for a while (officers); they are recorded but open no incident'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a list -d 'silences in force, newest first (--all: those over too)'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a ls -d 'silences in force, newest first (--all: those over too)'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a show -d 'one silence or maintenance window, with the alerts it took'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a view -d 'one silence or maintenance window, with the alerts it took'
complete -c watchfloor -n '__watchfloor_at /silence:0' -a expire -d 'end a silence now (officers)'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l site -x -a '(__watchfloor_dynamic sites)' -d 'every alert of this site (id, name or city)'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l asset -x -a '(__watchfloor_dynamic assets)' -d 'every alert of this asset (SITE/ASSET)'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l match -r -d 'label=value or label=~regex (repeatable; all must hold)'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l for -r -d 'how long: 30m, 2h, 1d'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l reason -r -d 'why, for the audit log and whoever wonders why the site is quiet (the words up to the next option, so chat needs no quotes)'
complete -c watchfloor -n '__watchfloor_in /silence/add' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /silence/list' -l all -d 'also silences that have ended'
complete -c watchfloor -n '__watchfloor_in /silence/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /silence/list' -l json -x -a '(__watchfloor_json_fields id kind state siteId assetId matchers startsAt endsAt reason createdAt createdBy expiredAt expiredBy drillRunId alertsSilenced)'
complete -c watchfloor -n '__watchfloor_in /silence/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /silence/expire' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /maintenance' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /maintenance:0' -a add -d 'schedule a site\'s maintenance window (supervisors): its alerts are recorded but open no incident inside it'
complete -c watchfloor -n '__watchfloor_at /maintenance:0' -a list -d 'maintenance windows pending or under way, newest first (--all: those over too)'
complete -c watchfloor -n '__watchfloor_at /maintenance:0' -a ls -d 'maintenance windows pending or under way, newest first (--all: those over too)'
complete -c watchfloor -n '__watchfloor_at /maintenance:0' -a cancel -d 'cancel a maintenance window, pending or under way (supervisors)'
complete -c watchfloor -n '__watchfloor_in /maintenance/add' -l site -x -a '(__watchfloor_dynamic sites)' -d 'the site (id, name or city)'
complete -c watchfloor -n '__watchfloor_in /maintenance/add' -l from -r -d 'when it starts: an ISO-8601 time with Z or an offset'
complete -c watchfloor -n '__watchfloor_in /maintenance/add' -l until -r -d 'when it ends: an ISO-8601 time with Z or an offset'
complete -c watchfloor -n '__watchfloor_in /maintenance/add' -l reason -r -d 'why, for the audit log and whoever wonders why the site is quiet (the words up to the next option, so chat needs no quotes)'
complete -c watchfloor -n '__watchfloor_in /maintenance/add' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /maintenance/list' -l all -d 'also windows that have ended or were cancelled'
complete -c watchfloor -n '__watchfloor_in /maintenance/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /maintenance/list' -l json -x -a '(__watchfloor_json_fields id kind state siteId assetId matchers startsAt endsAt reason createdAt createdBy expiredAt expiredBy drillRunId alertsSilenced)'
complete -c watchfloor -n '__watchfloor_in /maintenance/cancel' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a summary -d 'every KPI against its target, with the period before and a trend (what `kpi` alone shows)'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a incidents -d 'MTTA and MTTR by severity, and the share acknowledged within the SLA'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a continuity -d 'availability of critical systems per site and overall (target 95%)'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a flow -d 'passengers processed, median and p90 wait, share within the wait target, e-gate use'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a staff -d 'officers on duty against the staffing advice, passengers per officer-hour'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a satisfaction -d 'travellers satisfied in surveys, per site and overall (target 92%)'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a contact-centre -d 'the 992 line: the AI agent\'s share answered without a person (target 50%), abandonment (5%), callers waiting, inquiries an hour'
complete -c watchfloor -n '__watchfloor_at /kpi:0' -a remote -d 'remote-resolution rate, dispatches, time to fix (default: the last 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/summary' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/incidents' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/continuity' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/flow' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/staff' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/satisfaction' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/contact-centre' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (id or name fragment)'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l region -x -a '(__watchfloor_dynamic regions)' -d 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l kind -x -a 'air land sea service-centre contact-centre' -d 'only sites of this kind'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l since -r -d 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l until -r -d 'the period’s end: a duration back from now or an ISO time (default now)'
complete -c watchfloor -n '__watchfloor_in /kpi/remote' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /forecast' -l hours -r -d 'hours ahead, 1 to 168 (default 24; with --breaches 1 to 48, default 6)'
complete -c watchfloor -n '__watchfloor_in /forecast' -l breaches -d 'every site predicted to breach its wait target: when, how badly, counters to open and officers to move'
complete -c watchfloor -n '__watchfloor_in /forecast' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /forecast:0' -x -a '(__watchfloor_dynamic sites)'
complete -c watchfloor -n '__watchfloor_in /scenario' -l arrivals -r -d 'arrivals per hour: +30%, -20%, or a number of travellers an hour (+500)'
complete -c watchfloor -n '__watchfloor_in /scenario' -l egates -r -d 'e-gates in service: -50%, or a number of gates (-4)'
complete -c watchfloor -n '__watchfloor_in /scenario' -l staff -r -d 'counters staffed (officers at desks): -10, +5, or -20%'
complete -c watchfloor -n '__watchfloor_in /scenario' -l ai-share -r -d 'a contact centre\'s AI voice agent answering this share of inquiries: 30%, or 0% with it down'
complete -c watchfloor -n '__watchfloor_in /scenario' -l scenario -r -d 'another scenario, as FIELD=CHANGE,… with FIELD arrivals, egates, staff or ai-share (repeatable)'
complete -c watchfloor -n '__watchfloor_in /scenario' -l hours -r -d 'hours ahead, 1 to 48 (default 12)'
complete -c watchfloor -n '__watchfloor_in /scenario' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /scenario:0' -x -a '(__watchfloor_dynamic sites)'
complete -c watchfloor -n '__watchfloor_in /handover' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a issue -d 'issue the shift handover: incidents, dispatches, runs, approvals, KPIs, what stays open (officers)'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a accept -d 'take over the latest handover (or ID) as the incoming officer — not its issuer (officers)'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a show -d 'a handover as issued, and who took it over (default: the latest)'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a view -d 'a handover as issued, and who took it over (default: the latest)'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a list -d 'handovers, newest first, with who accepted each'
complete -c watchfloor -n '__watchfloor_at /handover:0' -a ls -d 'handovers, newest first, with who accepted each'
complete -c watchfloor -n '__watchfloor_in /handover/issue' -l shift -r -d 'the shift it covers, back from now (15m to 24h; default 8h)'
complete -c watchfloor -n '__watchfloor_in /handover/issue' -l out -r -d 'write the handover as Markdown to this file'
complete -c watchfloor -n '__watchfloor_in /handover/issue' -l post -r -d 'have the chat bot post it here, with an Accept button: a Slack channel (C0123ABCD, #ops) or teams:CONVERSATION'
complete -c watchfloor -n '__watchfloor_in /handover/issue' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /handover/accept' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /handover/show' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /handover/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /handover/list' -l json -x -a '(__watchfloor_json_fields id issuedAt issuedBy shift hash openItems carriedOver acceptedAt acceptedBy)'
complete -c watchfloor -n '__watchfloor_in /inventory' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /inventory:0' -a plan -d 'show what applying inventory files would add, change and remove (admins; nothing is changed)'
complete -c watchfloor -n '__watchfloor_at /inventory:0' -a apply -d 'make the hub hold what inventory files say: sites, assets, dependencies, alert labels (admins; one transaction, audited)'
complete -c watchfloor -n '__watchfloor_at /inventory:0' -a export -d 'write the hub\'s inventory as a file (YAML or JSON) to stdout'
complete -c watchfloor -n '__watchfloor_in /inventory/plan' -l exit-code -d 'exit 1 when there are changes, 0 when there are none'
complete -c watchfloor -n '__watchfloor_in /inventory/plan' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /inventory/apply' -l force -d 'remove sites and assets even with open incidents (the incidents stay open)'
complete -c watchfloor -n '__watchfloor_in /inventory/apply' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /inventory/export' -l format -x -a 'yaml json' -d 'the file format'
complete -c watchfloor -n '__watchfloor_in /inventory/export' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /tokens' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /tokens:0' -a create -d 'create an API token (admins); its secret is shown only now'
complete -c watchfloor -n '__watchfloor_at /tokens:0' -a list -d 'API tokens (never their secrets)'
complete -c watchfloor -n '__watchfloor_at /tokens:0' -a ls -d 'API tokens (never their secrets)'
complete -c watchfloor -n '__watchfloor_at /tokens:0' -a revoke -d 'revoke an API token; it stops working at once'
complete -c watchfloor -n '__watchfloor_in /tokens/create' -l name -r -d 'who or what holds it'
complete -c watchfloor -n '__watchfloor_in /tokens/create' -l role -x -a 'viewer officer supervisor admin intake' -d 'what it may do (intake: only feeds alerts and telemetry)'
complete -c watchfloor -n '__watchfloor_in /tokens/create' -l bot -d 'for a chat bot: it may act for the chat users it serves, each capped to their role'
complete -c watchfloor -n '__watchfloor_in /tokens/create' -l expires -r -d 'when it stops working: a span from now (90d, 12h) or an ISO time; by default never'
complete -c watchfloor -n '__watchfloor_in /tokens/create' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /tokens/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /tokens/list' -l json -x -a '(__watchfloor_json_fields id name role createdAt lastUsedAt revokedAt bot expiresAt)'
complete -c watchfloor -n '__watchfloor_in /tokens/revoke' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /tokens/revoke:0' -x -a '(__watchfloor_dynamic tokens)'
complete -c watchfloor -n '__watchfloor_in /audit' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /audit:0' -a list -d 'audit entries, oldest first'
complete -c watchfloor -n '__watchfloor_at /audit:0' -a ls -d 'audit entries, oldest first'
complete -c watchfloor -n '__watchfloor_at /audit:0' -a verify -d 'check the audit log has not been altered, against its signed checkpoints too'
complete -c watchfloor -n '__watchfloor_at /audit:0' -a checkpoint -d 'the audit chain\'s latest signed head, to keep elsewhere'
complete -c watchfloor -n '__watchfloor_in /audit/list' -l since -r -d 'ISO-8601 time or a duration back from now (2h, 30m, 7d)'
complete -c watchfloor -n '__watchfloor_in /audit/list' -l limit -r -d 'at most this many entries'
complete -c watchfloor -n '__watchfloor_in /audit/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /audit/list' -l json -x -a '(__watchfloor_json_fields seq at actor channel action target detail prevHash hash)'
complete -c watchfloor -n '__watchfloor_in /audit/verify' -l checkpoint -r -d 'also hold the log to the checkpoints in this file, kept elsewhere (repeatable)'
complete -c watchfloor -n '__watchfloor_in /audit/verify' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /audit/checkpoint' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /config' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config:0' -a get -d 'print one setting of the profile'
complete -c watchfloor -n '__watchfloor_at /config:0' -a set -d 'store a setting in the profile'
complete -c watchfloor -n '__watchfloor_at /config:0' -a list -d 'all profiles, tokens masked'
complete -c watchfloor -n '__watchfloor_at /config:0' -a ls -d 'all profiles, tokens masked'
complete -c watchfloor -n '__watchfloor_at /config:0' -a use -d 'switch the active profile'
complete -c watchfloor -n '__watchfloor_at /config:0' -a current -d 'the profile in use, and where that choice comes from'
complete -c watchfloor -n '__watchfloor_at /config:0' -a rename-profile -d 'give a profile another name (the active one stays active)'
complete -c watchfloor -n '__watchfloor_at /config:0' -a delete-profile -d 'delete a profile and its settings (its token too)'
complete -c watchfloor -n '__watchfloor_in /config/get' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config/get:0' -x -a 'hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId'
complete -c watchfloor -n '__watchfloor_in /config/set' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config/set:0' -x -a 'hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId'
complete -c watchfloor -n '__watchfloor_in /config/list' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /config/use' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config/use:0' -x -a '(__watchfloor_dynamic profiles)'
complete -c watchfloor -n '__watchfloor_in /config/current' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /config/rename-profile' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config/rename-profile:0' -x -a '(__watchfloor_dynamic profiles)'
complete -c watchfloor -n '__watchfloor_in /config/delete-profile' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /config/delete-profile:0' -x -a '(__watchfloor_dynamic profiles)'
complete -c watchfloor -n '__watchfloor_in /hub' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /hub:0' -a start -d 'run the hub here until Ctrl-C or SIGTERM'
complete -c watchfloor -n '__watchfloor_at /hub:0' -a backup -d 'copy a running hub\'s data to FILE (admin; the hub may be remote)'
complete -c watchfloor -n '__watchfloor_at /hub:0' -a restore -d 'check a backup and put it in place of a stopped hub\'s data file (the old one is kept aside)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l config -r -d 'a YAML file of these settings, keyed by the flag names without dashes (a flag given here wins)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l demo -d 'seed the 103-site demo fleet and run the simulator'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l seed -r -d 'simulator seed'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l speed -r -d 'simulated seconds per real second'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l demo-past -r -d 'days of the demo fleet\'s past hourly flow a fresh demo hub takes first, as an import would (default 14; 0: none; at most 56)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l demo-report-every -r -d 'how often each demo site reports, in site time, whatever --speed (e.g. 5m; default: once a real second, so --speed 1800 reports every 30 site-minutes)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l port -r -d 'port to listen on (0: any free port; default 7474)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l host -r -d 'address to listen on (default 127.0.0.1)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l data -r -F -d 'SQLite data file (default <config dir>/hub.sqlite)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l ssh-key -r -F -d 'private key for site servers managed over ssh:// (read once at start)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l audit-key -r -d 'Ed25519 key the audit checkpoints are signed with, readable by its owner only (default: created beside the data file)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l audit-checkpoints -r -d 'file the signed audit checkpoints are appended to (default: beside the data file)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l playbooks -r -d 'a directory of the operator\'s own playbooks, loaded beside the built-in ones (the same id replaces a built-in)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l peaks -r -F -d 'the forecast\'s calendar of known peaks, YAML (default: peaks.yaml beside the data file, else the shipped one; docs/forecast.md)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l auto-remediate -d 'diagnose and fix each new device incident (all kinds, or a comma list: egate,cctv)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l tls-cert -r -d 'serve HTTPS with this certificate (PEM, the chain after it); needs --tls-key'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l tls-key -r -d 'the private key of --tls-cert (PEM, unencrypted)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l log-format -r -d 'text (default) or json: one JSON object a line on stderr, for log shippers'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l retain -r -d 'keep telemetry and wait history this long (e.g. 400d; default: for ever); never audit or incidents'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l early-warning -r -d 'evaluate the forecast this often (e.g. 1m) and open `predicted` incidents for sites about to breach their wait target'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l intake-queue -r -d 'alerts that may wait for the intake\'s writer before senders are told to retry (503; default 20000)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l intake-backlog -r -d 'alerts taken in and not yet applied before senders are told to retry (503; default 50000)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l group-window -r -d 'the same alert at --group-sites sites within this long is one shared cause (default 60s)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l group-sites -r -d 'how many sites raising the same alert within --group-window make one shared cause (default 3)'
complete -c watchfloor -n '__watchfloor_in /hub/start' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /hub/backup' -l force -d 'replace FILE if it exists'
complete -c watchfloor -n '__watchfloor_in /hub/backup' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /hub/restore' -l data -r -d 'the data file to replace (default <config dir>/hub.sqlite)'
complete -c watchfloor -n '__watchfloor_in /hub/restore' -l check -d 'check the backup only; replace nothing'
complete -c watchfloor -n '__watchfloor_in /hub/restore' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /demo' -l seed -r -d 'simulator seed'
complete -c watchfloor -n '__watchfloor_in /demo' -l speed -r -d 'simulated seconds per real second (default 60)'
complete -c watchfloor -n '__watchfloor_in /demo' -l port -r -d 'port (default 7474, or a free one if taken)'
complete -c watchfloor -n '__watchfloor_in /demo' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /bot' -l socket-mode -d 'Slack over Socket Mode (SLACK_APP_TOKEN; no public URL needed)'
complete -c watchfloor -n '__watchfloor_in /bot' -l port -r -d 'Slack over HTTP: port for /slack/events (default 3000; 0: any free port)'
complete -c watchfloor -n '__watchfloor_in /bot' -l host -r -d 'address to listen on (default 127.0.0.1)'
complete -c watchfloor -n '__watchfloor_in /bot' -l teams-port -r -d 'Teams: port for /api/messages (default 3978; 0: any free port)'
complete -c watchfloor -n '__watchfloor_in /bot' -l identities -r -F -d 'YAML or JSON map of chat users to watchfloor names and roles (unmapped users may only read)'
complete -c watchfloor -n '__watchfloor_in /bot' -l cards-channel -r -d 'Slack: post live incident cards, by default to this channel'
complete -c watchfloor -n '__watchfloor_in /bot' -l cards-route -r -d 'Slack: cards of a region or site kind to another channel, approval requests of a role too: region:Makkah=C0456ABCD, kind:sea=C0789ABCD, role:supervisor=C0ABCDEF1 (repeatable)'
complete -c watchfloor -n '__watchfloor_in /bot' -l cards-min-severity -x -a 'sev1 sev2 sev3 sev4' -d 'Slack and Teams: cards for incidents at or above this severity'
complete -c watchfloor -n '__watchfloor_in /bot' -l outbox -r -F -d 'Slack: the cards\' outbox file (default: beside the config, one per profile)'
complete -c watchfloor -n '__watchfloor_in /bot' -l teams-cards-conversation -r -d 'Teams: post live incident cards, by default to this channel (its conversation id, 19:…@thread.tacv2)'
complete -c watchfloor -n '__watchfloor_in /bot' -l teams-cards-route -r -d 'Teams: cards of a region or site kind to another channel: region:Makkah=19:…@thread.tacv2, kind:sea=19:…@thread.tacv2 (repeatable)'
complete -c watchfloor -n '__watchfloor_in /bot' -l teams-service-url -r -d 'Teams: the Bot Connector URL of your tenant (default https://smba.trafficmanager.net/teams/)'
complete -c watchfloor -n '__watchfloor_in /bot' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /sim' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /sim:0' -a inject -d 'give a healthy device a fault (a drill); the demo raises its alert'
complete -c watchfloor -n '__watchfloor_at /sim:0' -a faults -d 'the faults present now, with their ground truth'
complete -c watchfloor -n '__watchfloor_at /sim:0' -a kinds -d 'fault kinds per asset kind, their fixes and their share of the mix'
complete -c watchfloor -n '__watchfloor_in /sim/inject' -l fault -x -a '(__watchfloor_dynamic faults)' -d 'a fault of that kind of asset (see `watchfloor sim kinds`)'
complete -c watchfloor -n '__watchfloor_in /sim/inject' -l sim -r -d 'the device emulator\'s URL (also: WATCHFLOOR_SIM; default: the profile\'s sim)'
complete -c watchfloor -n '__watchfloor_in /sim/inject' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /sim/inject:0' -x -a '(__watchfloor_dynamic assets)'
complete -c watchfloor -n '__watchfloor_in /sim/faults' -l site -x -a '(__watchfloor_dynamic sites)' -d 'only this site (its id)'
complete -c watchfloor -n '__watchfloor_in /sim/faults' -l sim -r -d 'the device emulator\'s URL (also: WATCHFLOOR_SIM; default: the profile\'s sim)'
complete -c watchfloor -n '__watchfloor_in /sim/faults' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /sim/kinds' -l kind -x -a 'egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration' -d 'only this asset kind'
complete -c watchfloor -n '__watchfloor_in /sim/kinds' -l sim -r -d 'the device emulator\'s URL (also: WATCHFLOOR_SIM; default: the profile\'s sim)'
complete -c watchfloor -n '__watchfloor_in /sim/kinds' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_in /completion' -l help -s h -d 'display help for command'
complete -c watchfloor -n '__watchfloor_at /completion:0' -x -a 'bash zsh fish'
complete -c wf -w watchfloor
