package org.roundtable.kit.sample;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SampleViews extends JpaRepository<SampleView, String> {
}
