package io.reactiveorm.spring.app;

import io.reactiveorm.spring.CurrentSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An endpoint whose transaction writes a row and then never ends: only a client disconnect ends it. */
@RestController
public class ParkingController {

    private final Parking parking;

    public ParkingController(Parking parking) {
        this.parking = parking;
    }

    @PostMapping("/park/{requestId}")
    public Mono<String> park(@PathVariable String requestId) {
        return parking.writeThenPark(requestId);
    }

    /** The transactional service behind the endpoint. */
    @Service
    public static class Parking {
        private final CurrentSession session;
        private final WriteSignals signals;

        public Parking(CurrentSession session, WriteSignals signals) {
            this.session = session;
            this.signals = signals;
        }

        @Transactional
        public Mono<String> writeThenPark(String requestId) {
            return session.with(s -> {
                s.add(new Account(requestId + "@example.com"));
                return s.flush();
            }).doOnSuccess(done -> signals.written(requestId)).then(Mono.never());
        }
    }
}
